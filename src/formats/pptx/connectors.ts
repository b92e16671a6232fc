// Glued connectors and grouped shapes, written into a slide's XML after pptxgenjs made it.
// pptxgenjs writes neither `p:cxnSp` nor `p:grpSp` (STACK-NOTES), so the drawing code marks
// what it wants in shape names — a line named by `connectorName`, a shape named with a
// `groupTag` — and `glueConnectors` turns those marks into real connectors (whose
// `a:stCxn`/`a:endCxn` name the shapes they join, so they follow a moved box in
// PowerPoint, Keynote and LibreOffice) and groups. One pure function over one slide's XML.

/** Connection sites of a `rect`: 0 top, 1 left, 2 bottom, 3 right. */
export type Site = 0 | 1 | 2 | 3;

/** How a connector is drawn. */
export type ConnectorShape = 'straight' | 'bent';

const CONNECTOR = /^Connector (\d+) from (.+?):([0-3]) to (.+?):([0-3]) (straight|bent)$/;
const GROUP = /^(.*) @g(\d+)$/;

/**
 * The name of a line that is to become a connector from shape `from` (its connection site
 * `fromSite`) to shape `to`. Shape names are the drawing code's own (never user text) and
 * unique on their slide.
 */
export function connectorName(n: number, from: string, fromSite: Site, to: string, toSite: Site, shape: ConnectorShape): string {
  return `Connector ${n} from ${from}:${fromSite} to ${to}:${toSite} ${shape}`;
}

/** A shape name marked as a member of group `group` (consecutive shapes of one group are wrapped together). */
export function groupTag(name: string, group: number): string {
  return `${name} @g${group}`;
}

interface Shape {
  xml: string;
  start: number;
  end: number;
  id: number;
  name: string;
}

/** Every top-level `<p:sp>`…`</p:sp>` of a slide (pptxgenjs never nests shapes). */
function shapesOf(xml: string): Shape[] {
  const out: Shape[] = [];
  const open = /<p:sp>/g;
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml))) {
    const end = xml.indexOf('</p:sp>', m.index) + '</p:sp>'.length;
    const body = xml.slice(m.index, end);
    const head = /<p:cNvPr id="(\d+)" name="([^"]*)"/.exec(body);
    out.push({ xml: body, start: m.index, end, id: Number(head?.[1] ?? 0), name: decodeName(head?.[2] ?? '') });
    open.lastIndex = end;
  }
  return out;
}

// pptxgenjs escapes names; ours hold only letters, digits, spaces and `:@`, but be exact.
function decodeName(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function rename(shapeXml: string, name: string): string {
  return shapeXml.replace(/(<p:cNvPr id="\d+" name=")[^"]*"/, `$1${name}"`);
}

/** A line shape turned into a connector glued to the shapes with ids `from` and `to`. */
function toConnector(line: Shape, n: string, from: number, fromSite: string, to: number, toSite: string, shape: string): string {
  const spPr = /<p:spPr>[\s\S]*<\/p:spPr>/.exec(line.xml)?.[0] ?? '<p:spPr/>';
  const geometry = shape === 'bent' ? 'bentConnector3' : 'straightConnector1';
  const pr = spPr.replace(/<a:prstGeom prst="[^"]*">/, `<a:prstGeom prst="${geometry}">`);
  return (
    `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${line.id}" name="Connector ${n}"/>` +
    `<p:cNvCxnSpPr><a:stCxn id="${from}" idx="${fromSite}"/><a:endCxn id="${to}" idx="${toSite}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>` +
    `${pr}</p:cxnSp>`
  );
}

/** The union box of shapes, in EMU, from their `a:off`/`a:ext`. */
function unionOf(shapes: readonly Shape[]): { x: number; y: number; cx: number; cy: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of shapes) {
    const m = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(s.xml);
    if (!m) continue;
    const [x, y, cx, cy] = m.slice(1).map(Number);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + cx);
    y1 = Math.max(y1, y + cy);
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, cx: 0, cy: 0 };
  return { x: x0, y: y0, cx: x1 - x0, cy: y1 - y0 };
}

/** What went wrong when a mark could not be honoured (a drawing bug; thrown, never written). */
export class ConnectorError extends Error {}

/**
 * Rewrites one slide: each line named by {@link connectorName} becomes a `p:cxnSp` glued
 * (`a:stCxn`/`a:endCxn`) to the shapes it names, and each run of consecutive shapes tagged
 * by {@link groupTag} is wrapped in a `p:grpSp` (child coordinates equal to slide
 * coordinates, so nothing moves). Tags are removed from the names. Shape ids must already be
 * unique on the slide (renumberShapeIds). Throws a ConnectorError when a connector names a
 * shape the slide does not hold. A slide without marks is returned unchanged.
 */
export function glueConnectors(slideXml: string): string {
  if (!slideXml.includes('name="Connector ') && !slideXml.includes(' @g')) return slideXml;
  const shapes = shapesOf(slideXml);
  const ids = new Map<string, number>();
  for (const s of shapes) ids.set(GROUP.exec(s.name)?.[1] ?? s.name, s.id);
  let maxId = Math.max(1, ...[...slideXml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1])));

  const rewritten: { shape: Shape; xml: string; group?: number }[] = shapes.map((s) => {
    const c = CONNECTOR.exec(s.name);
    if (c) {
      const [, n, from, fromSite, to, toSite, kind] = c;
      const a = ids.get(from);
      const b = ids.get(to);
      if (a === undefined || b === undefined) throw new ConnectorError(`connector ${n} names a shape the slide does not hold: ${a === undefined ? from : to}`);
      return { shape: s, xml: toConnector(s, n, a, fromSite, b, toSite, kind) };
    }
    const g = GROUP.exec(s.name);
    if (g) return { shape: s, xml: rename(s.xml, g[1]), group: Number(g[2]) };
    return { shape: s, xml: s.xml };
  });

  let out = '';
  let at = 0;
  for (let i = 0; i < rewritten.length; ) {
    const r = rewritten[i];
    out += slideXml.slice(at, r.shape.start);
    if (r.group === undefined) {
      out += r.xml;
      at = r.shape.end;
      i++;
      continue;
    }
    let j = i;
    // Only shapes written one after another (nothing between them) form a group.
    while (j + 1 < rewritten.length && rewritten[j + 1].group === r.group && slideXml.slice(rewritten[j].shape.end, rewritten[j + 1].shape.start).trim() === '') j++;
    const members = rewritten.slice(i, j + 1);
    if (members.length === 1) out += r.xml;
    else {
      const b = unionOf(members.map((m) => m.shape));
      const box = `<a:off x="${b.x}" y="${b.y}"/><a:ext cx="${b.cx}" cy="${b.cy}"/>`;
      const chBox = `<a:chOff x="${b.x}" y="${b.y}"/><a:chExt cx="${b.cx}" cy="${b.cy}"/>`;
      out +=
        `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${++maxId}" name="Group ${r.group}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
        `<p:grpSpPr><a:xfrm>${box}${chBox}</a:xfrm></p:grpSpPr>${members.map((m) => m.xml).join('')}</p:grpSp>`;
    }
    at = members[members.length - 1].shape.end;
    i = j + 1;
  }
  return out + slideXml.slice(at);
}
