import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseDocumentText } from '../../src/io/file';
import { EXPORT_FORMATS } from '../../src/formats/registry';
import { stepPictureKey } from '../../src/formats/pptx/slides-steps';
import {
  CAPTURE_PADDING,
  captureFrame,
  exportChoices,
  keepInCapture,
  LEFT_OUT_CLASSES,
  MAX_CANVAS_SIDE,
  pictureJobs,
  PPTX_FONTS,
  PPTX_SECTIONS,
  safePixelRatio,
  selectionKeepSet,
  stepPicture,
  unionRects,
} from '../../src/app/export/export-plan';

const parsed = parseDocumentText(readFileSync('examples/identity-lifecycle.crosswalk.json', 'utf8'));
if (!parsed.ok) throw new Error('example does not parse');
const doc = parsed.doc;

describe('exportChoices', () => {
  const choices = exportChoices(EXPORT_FORMATS);

  it('lists every registry format once, in registry order, with PNG right after SVG', () => {
    const ids = choices.map((c) => c.id);
    expect(ids.filter((id) => id !== 'png')).toEqual(EXPORT_FORMATS.map((f) => f.id));
    expect(ids.filter((id) => id === 'png')).toHaveLength(1);
    expect(ids.indexOf('png')).toBe(ids.indexOf('svg') + 1);
  });

  it('names the file extension in each label', () => {
    for (const f of EXPORT_FORMATS) expect(choices.find((c) => c.id === f.id)!.label).toContain(`(${f.extension})`);
    expect(choices.find((c) => c.id === 'png')!.label).toContain('(.png)');
  });

  it('still offers PNG when the registry has no SVG', () => {
    const ids = exportChoices(EXPORT_FORMATS.filter((f) => f.id !== 'svg')).map((c) => c.id);
    expect(ids.at(-1)).toBe('png');
  });
});

describe('PPTX options', () => {
  it('uses the picture keys the deck reads', () => {
    for (const id of ['s-hub', 'step with spaces', 'ü']) expect(stepPicture(id)).toBe(stepPictureKey(id));
  });

  it('offers the slide groups in deck order and Arial first', () => {
    expect(PPTX_SECTIONS.map((s) => s.id)).toEqual(['title', 'walkthrough', 'overview', 'integrations', 'coverage', 'models', 'mappings']);
    expect(PPTX_FONTS[0]).toBe('Arial');
    expect(new Set(PPTX_FONTS).size).toBe(PPTX_FONTS.length);
  });

  it('plans a picture for every walkthrough step', () => {
    const jobs = pictureJobs(doc, new Set(['walkthrough', 'overview']));
    const steps = doc.walkthrough ?? [];
    expect(jobs.map((j) => j.key)).toEqual(steps.map((s) => stepPictureKey(s.id)));
    steps.forEach((s, i) => expect(jobs[i].focus).toEqual(s.focus));
  });

  it('draws a step without a focus as the whole diagram, and nothing for unchosen groups', () => {
    const withBare = { ...doc, walkthrough: [{ id: 'bare', title: 'No focus', focus: [] }] };
    expect(pictureJobs(withBare, new Set(['walkthrough']))).toEqual([{ key: 'step:bare', focus: undefined, label: 'step 1' }]);
    expect(pictureJobs(doc, new Set(['title', 'overview', 'models', 'mappings']))).toEqual([]);
  });
});

describe('selectionKeepSet', () => {
  it('keeps a selected entity without the rest of its system', () => {
    const keep = selectionKeepSet(doc, ['wd-worker']);
    expect(keep.has('wd-worker')).toBe(true);
    expect(keep.has('workday')).toBe(false);
    expect(keep.has('okta-user')).toBe(false);
  });

  it('keeps a selected link with both its ends, and links between kept boxes', () => {
    const keep = selectionKeepSet(doc, ['m-email-login']);
    expect([...keep].filter((id) => doc.entities.some((e) => e.id === id)).sort()).toEqual(['okta-user', 'wd-worker']);
    const between = doc.links.filter((l) => 'entity' in l.from && 'entity' in l.to && [l.from.entity, l.to.entity].every((id) => id === 'okta-user' || id === 'wd-worker'));
    for (const l of between) expect(keep.has(l.id)).toBe(true);
  });

  it('keeps the entities inside a selected system', () => {
    const keep = selectionKeepSet(doc, ['okta']);
    for (const e of doc.entities.filter((x) => x.system === 'okta')) expect(keep.has(e.id)).toBe(true);
    expect(keep.has('wd-worker')).toBe(false);
  });
});

describe('safePixelRatio and captureFrame', () => {
  it('keeps the asked ratio when the picture fits', () => {
    expect(safePixelRatio(2000, 1000, 4)).toBe(4);
    expect(safePixelRatio(MAX_CANVAS_SIDE, 10, 1)).toBe(1);
  });

  it('lowers the ratio so no side passes the browser limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 1, max: 4 }), (w, h, asked) => {
        const r = safePixelRatio(w, h, asked);
        expect(r).toBeGreaterThan(0);
        expect(r).toBeLessThanOrEqual(asked);
        if (Math.max(w, h) * 0.01 <= MAX_CANVAS_SIDE) expect(Math.max(w, h) * r).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
      }),
    );
  });

  it('frames the bounds with padding at zoom 1', () => {
    const f = captureFrame({ x: -120.5, y: 300, width: 1000.2, height: 400 }, 2);
    expect(f.width).toBe(Math.ceil(1000.2 + 2 * CAPTURE_PADDING));
    expect(f.height).toBe(400 + 2 * CAPTURE_PADDING);
    expect(f.transform).toBe(`translate(${CAPTURE_PADDING + 120.5}px, ${CAPTURE_PADDING - 300}px) scale(1)`);
    expect(f).toMatchObject({ pixelRatio: 2, scaledDown: false, pixelWidth: f.width * 2, pixelHeight: f.height * 2 });
  });

  it('says when a large diagram is scaled down', () => {
    const f = captureFrame({ x: 0, y: 0, width: 9000, height: 3000 }, 3);
    expect(f.scaledDown).toBe(true);
    expect(f.pixelRatio).toBeLessThan(2);
    expect(f.pixelWidth).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
  });
});

describe('keepInCapture', () => {
  const el = (classes: string[], dataId: string | null = null, link: string | null = null) => ({
    classes: { contains: (c: string) => classes.includes(c) },
    dataId,
    link,
  });

  it('leaves out handles, controls, minimap, background and selection boxes', () => {
    for (const c of LEFT_OUT_CLASSES) expect(keepInCapture(el(['x', c]))).toBe(false);
    expect(keepInCapture(el(['react-flow__node', 'react-flow__node-entity'], 'wd-worker'))).toBe(true);
    expect(keepInCapture(el(['cw-markers']))).toBe(true);
  });

  it('keeps only the kept nodes, edges and edge labels when a keep set is given', () => {
    const keep = new Set(['wd-worker', 'm-email-login']);
    expect(keepInCapture(el(['react-flow__node'], 'wd-worker'), keep)).toBe(true);
    expect(keepInCapture(el(['react-flow__node'], 'okta-user'), keep)).toBe(false);
    expect(keepInCapture(el(['react-flow__edge'], 'm-email-login'), keep)).toBe(true);
    expect(keepInCapture(el(['react-flow__edge'], 'm-status'), keep)).toBe(false);
    expect(keepInCapture(el(['cw-link-label'], null, 'm-status'), keep)).toBe(false);
    expect(keepInCapture(el(['cw-link-label'], null, 'm-email-login'), keep)).toBe(true);
    // Everything else inside a kept node (rows, names) stays.
    expect(keepInCapture(el(['cw-field'], null), keep)).toBe(true);
  });
});

describe('unionRects', () => {
  it('grows the node bounds to hold edges and labels that stick out, ignoring empty or broken rects', () => {
    const nodes = { x: 0, y: 0, width: 100, height: 50 };
    expect(unionRects(nodes, [])).toEqual(nodes);
    expect(unionRects(nodes, [{ x: -30, y: 10, width: 20, height: 10 }, { x: 90, y: 40, width: 40, height: 30 }])).toEqual({ x: -30, y: 0, width: 160, height: 70 });
    expect(unionRects(nodes, [{ x: -999, y: -999, width: 0, height: 0 }, { x: Number.NaN, y: 0, width: 5, height: 5 }])).toEqual(nodes);
  });
});

describe('captureFrame with a side limit', () => {
  it('keeps slide pictures under the given side', () => {
    const f = captureFrame({ x: 0, y: 0, width: 6000, height: 8000 }, 2, CAPTURE_PADDING, 4096);
    expect(Math.max(f.pixelWidth, f.pixelHeight)).toBeLessThanOrEqual(4096);
    expect(f.scaledDown).toBe(true);
    expect(captureFrame({ x: 0, y: 0, width: 1000, height: 500 }, 2, CAPTURE_PADDING, 4096).pixelRatio).toBe(2);
    // A limit above the browser's is capped at the browser's.
    expect(safePixelRatio(20_000, 10, 1, 100_000)).toBeLessThan(1);
  });
});
