import { JSDOM } from 'jsdom';

// Mermaid's parser runs in Node; a flowchart needs DOM globals (DOMPurify), set up before
// mermaid is imported.

type Mermaid = typeof import('mermaid').default;
let loaded: Promise<Mermaid> | undefined;

/** The real mermaid library, initialised as the app initialises it. */
export function loadMermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
    const g = globalThis as Record<string, unknown>;
    g.window = dom.window;
    g.document = dom.window.document;
    g.DOMParser = dom.window.DOMParser;
    g.Element = dom.window.Element;
    g.HTMLElement = dom.window.HTMLElement;
    g.Node = dom.window.Node;
    const mermaid = (await import('mermaid')).default;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 5_000_000, maxEdges: 100_000 });
    return mermaid;
  })();
  return loaded;
}

/** Parses text with the real parser; returns the error message, or undefined when it parses. */
export async function mermaidError(text: string): Promise<string | undefined> {
  const mermaid = await loadMermaid();
  try {
    await mermaid.parse(text);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
