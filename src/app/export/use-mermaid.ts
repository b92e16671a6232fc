import { useEffect, useRef, useState, type RefObject } from 'react';
import type { MermaidConfig } from 'mermaid';

// The live Mermaid preview: mermaid itself loads on first use (it is large), renders into a
// container the panel owns, and a failed render leaves the last good picture in place.

/** How mermaid is set up, once: strict, room for big documents. */
export const MERMAID_CONFIG: MermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  // A failed render must not leave mermaid's "syntax error" picture in the page.
  suppressErrorRendering: true,
  // dagre is mermaid 11's default and much lighter to load than ELK; say so explicitly.
  layout: 'dagre',
  // No theme here: the exported text carries its own (black on white, formats/mermaid/names.ts),
  // so the preview draws it exactly as GitHub, Obsidian or Mermaid Live will.
  // The defaults (50,000 characters, 500 edges) refuse documents this app is made for.
  maxTextSize: 500_000,
  maxEdges: 5_000,
};

type Mermaid = typeof import('mermaid').default;
let loading: Promise<Mermaid> | undefined;

/** Loads mermaid on first use and initialises it once. A failed load can be retried. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(
    ({ default: mermaid }) => {
      mermaid.initialize(MERMAID_CONFIG);
      return mermaid;
    },
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'data']);

/**
 * Elements a diagram of this app never draws and that run, load or submit something: a label
 * holding `<img src=x onerror=…>` (text Mermaid rendered as HTML) must not fire a request.
 */
const DROPPED = new Set([
  'script', 'iframe', 'frame', 'object', 'embed', 'img', 'image', 'picture', 'source', 'video', 'audio', 'track',
  'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'feimage', 'animate', 'set',
]);

/**
 * Puts mermaid's SVG into a container. Mermaid's strict mode already sanitises labels, but
 * keeps markup such as `<img>`; this is a second line of defence: the markup is parsed in an
 * inert document (nothing loads or runs there), elements that load or run anything, event
 * handlers and every URL that leaves the document are removed, and only then is it moved
 * into the page. (The exporters write names and comments as entity codes, so user text
 * reaches here as text; this catches whatever Mermaid itself turns into markup.)
 */
export function insertSvg(container: Element, svg: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${svg}`, 'text/html');
  for (const el of Array.from(parsed.body.querySelectorAll('*'))) {
    if (DROPPED.has(el.localName.toLowerCase())) {
      el.remove();
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      // Browsers ignore whitespace and control characters inside a URL scheme.
      // eslint-disable-next-line no-control-regex
      const value = attr.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
      const external = URL_ATTRIBUTES.has(name) && !value.startsWith('#');
      const cssUrl = name === 'style' && /url\((?!['"]?#)/.test(value);
      if (name.startsWith('on') || external || cssUrl) el.removeAttribute(attr.name);
    }
  }
  container.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
}

let renderSeq = 0;

/** What the preview shows besides the picture. */
export interface MermaidPreviewState {
  /** The last render's error, if it failed (the previous picture stays). */
  error?: string;
  rendering: boolean;
  /** Whether any render has succeeded (so a picture is showing). */
  rendered: boolean;
  /** How long the last successful render took, in ms (not counting loading mermaid). */
  renderMs?: number;
  /** The text of the picture showing. */
  renderedText?: string;
}

/**
 * Renders `text` with mermaid into `target` whenever it changes (`text` undefined: don't
 * render). Results of a render that a newer one overtook are dropped; each render gets a
 * fresh element id, as mermaid requires.
 */
export function useMermaidPreview(text: string | undefined, target: RefObject<HTMLElement | null>): MermaidPreviewState {
  const [state, setState] = useState<MermaidPreviewState>({ rendering: false, rendered: false });
  const latest = useRef(0);

  useEffect(() => {
    if (text === undefined) return;
    const seq = ++latest.current;
    const id = `cw-mermaid-${++renderSeq}`;
    setState((s) => ({ ...s, rendering: true }));
    void (async () => {
      try {
        const mermaid = await loadMermaid();
        const started = performance.now();
        const { svg } = await mermaid.render(id, text);
        if (seq !== latest.current) return;
        if (target.current) {
          insertSvg(target.current, svg);
          // The drawing's own width, for the panel's "actual size" view.
          const el = target.current.querySelector('svg');
          const width = el?.viewBox.baseVal?.width;
          if (el && width) el.style.setProperty('--cw-natural-width', `${Math.ceil(width)}px`);
        }
        setState({ rendering: false, rendered: true, renderMs: Math.round(performance.now() - started), renderedText: text });
      } catch (e) {
        if (seq !== latest.current) return;
        setState((s) => ({ ...s, rendering: false, error: e instanceof Error ? e.message : String(e) }));
      } finally {
        // With suppressErrorRendering mermaid removes its scratch element; make sure.
        document.getElementById(`d${id}`)?.remove();
      }
    })();
  }, [text, target]);

  // A render that finishes after unmount must not write into a removed panel.
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );
  return state;
}

/** `value`, updated only once it has stopped changing for `ms` (the first value at once). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms, settled]);
  return settled;
}
