import type { Entity } from '../../model/types';
import { drawTable, type Cell } from './draw';
import { addSlide, CONTENT_RECT, drawSlideTitle, type DeckContext } from './slide-frame';
import { measureCell, rowHeight, type MeasuredCell } from './table-layout';
import { measureText, truncateToWidth } from './text-fit';
import { cleanText } from './xml-safety';

// One data-model slide per system: each entity a native table (a title row, then
// field | type | key), set in three columns. An entity longer than a column continues in
// the next column as "Name (continued)"; a system with more than a slide holds continues
// on further slides. Entities outside any system get slides of their own at the end.

const SIZE = 10;
const TITLE_SIZE = 11;
const MARGIN = { h: 0.05, v: 0.03 };
const COLUMNS = 3;
const GAP = 0.25;
const TABLE_W = (CONTENT_RECT.w - (COLUMNS - 1) * GAP) / COLUMNS;
const TABLE_GAP = 0.15;

/** One table placed on a page. */
interface PlacedTable {
  column: number;
  colW: number[];
  y: number;
  rows: Cell[][];
  heights: number[];
}

/** A system's slides, or the slides of entities outside any system. */
export interface ModelGroup {
  title: string;
  entities: Entity[];
  notes: string;
}

/** The groups of data-model slides: each system holding entities, then entities in no system. */
export function modelGroups(ctx: Pick<DeckContext, 'doc' | 'index'>): ModelGroup[] {
  const groups: ModelGroup[] = [];
  for (const s of ctx.doc.systems) {
    const entities = ctx.index.entitiesBySystem.get(s.id) ?? [];
    if (entities.length === 0) continue;
    const kind = cleanText(s.kind);
    const head = [cleanText(s.name) + (kind ? ` (${kind})` : ''), cleanText(s.description, { multiline: true })].filter(Boolean).join(': ');
    groups.push({ title: `${cleanText(s.name)}: data model`, entities, notes: [head, ...describeEntities(entities)].join('\n') });
  }
  const loose = ctx.doc.entities.filter((e) => e.system === undefined || !ctx.index.systems.has(e.system));
  if (loose.length) groups.push({ title: 'Entities outside any system', entities: loose, notes: describeEntities(loose).join('\n') });
  return groups;
}

/** Descriptions do not fit the tables; they go to the speaker notes. */
function describeEntities(entities: readonly Entity[]): string[] {
  const lines: string[] = [];
  for (const e of entities) {
    const d = cleanText(e.description, { multiline: true });
    if (d) lines.push(`${cleanText(e.name)}: ${d}`);
    for (const f of e.fields) {
      const fd = cleanText(f.description, { multiline: true });
      if (fd) lines.push(`${cleanText(e.name)}.${cleanText(f.name)}: ${fd}`);
    }
  }
  return lines;
}

/** Adds the data-model slides; returns how many. */
export function addModelSlides(ctx: DeckContext): number {
  let count = 0;
  for (const group of modelGroups(ctx)) {
    const pages = packTables(ctx, group.entities);
    pages.forEach((tables, i) => {
      const p = addSlide(ctx);
      drawSlideTitle(p, i === 0 ? group.title : `${group.title} (continued)`, 'models');
      for (const t of tables) {
        drawTable(p, { x: CONTENT_RECT.x + t.column * (TABLE_W + GAP), y: CONTENT_RECT.y + t.y }, t.colW, t.rows, t.heights, {
          size: SIZE,
          margin: MARGIN,
          name: 'Entity table',
        });
      }
      if (group.notes) p.slide.addNotes(group.notes);
      count++;
    });
  }
  return count;
}

interface MeasuredRow {
  cells: MeasuredCell[];
  height: number;
}

/** Column widths of one entity's table: the key and type columns as narrow as their text allows. */
function columnWidths(ctx: DeckContext, entity: Entity): number[] {
  const pad = 2 * MARGIN.h + 0.04;
  const keyW = Math.max(0.3, measureText('PK', SIZE, { font: ctx.font, bold: true }) + pad);
  const widestType = Math.max(measureText('type', SIZE, { font: ctx.font }), ...entity.fields.map((f) => measureText(cleanText(f.type), SIZE, { font: ctx.font })));
  const typeW = Math.min(widestType + pad, TABLE_W * 0.36);
  return [TABLE_W - keyW - typeW, typeW, keyW];
}

/**
 * Places tables in the shortest column of the page (so a few entities spread across the
 * slide), then on a new page; an entity longer than a whole column is split between
 * columns, its later parts titled "Name (continued)".
 */
function packTables(ctx: DeckContext, entities: readonly Entity[]): PlacedTable[][] {
  const colH = CONTENT_RECT.h;
  // The first title row shows the whole name (up to ten lines); continuations, a reminder.
  const titleRow = (text: string, maxLines: number): MeasuredRow => {
    const cell = measureCell(text, TABLE_W - 2 * MARGIN.h, TITLE_SIZE, maxLines, ctx.font, true);
    return { cells: [cell], height: rowHeight(cell.lines, TITLE_SIZE, MARGIN.v) };
  };
  const pages: PlacedTable[][] = [];
  let page: PlacedTable[] = [];
  let heights = new Array<number>(COLUMNS).fill(0);
  const newPage = () => {
    pages.push(page);
    page = [];
    heights = new Array<number>(COLUMNS).fill(0);
  };
  for (const entity of entities) {
    const colW = columnWidths(ctx, entity);
    const inner = (i: number) => colW[i] - 2 * MARGIN.h;
    const fieldRows: MeasuredRow[] = entity.fields.map((f) => {
      const cells = [
        measureCell(cleanText(f.name), inner(0), SIZE, 6, ctx.font),
        measureCell(cleanText(f.type), inner(1), SIZE, 3, ctx.font),
        measureCell(f.key ?? '', inner(2), SIZE, 1, ctx.font, true),
      ];
      return { cells, height: rowHeight(Math.max(...cells.map((c) => c.lines)), SIZE, MARGIN.v) };
    });
    const name = cleanText(entity.name);
    let next = 0;
    let first = true;
    for (;;) {
      const column = heights.indexOf(Math.min(...heights));
      const y = heights[column];
      const title = first ? titleRow(name, 10) : titleRow(continuedTitle(ctx, name), 1);
      const rest = fieldRows.slice(next);
      const need = title.height + rest.reduce((h, r) => h + r.height, 0);
      if (need <= colH - y) {
        page.push(placeTable(column, y, colW, title, rest));
        heights[column] = y + need + TABLE_GAP;
        break;
      }
      if (y > 0 && need <= colH) {
        newPage();
        continue;
      }
      // Split: as many rows as fit below the title, at least two (or all that remain).
      let used = title.height;
      let k = 0;
      while (k < rest.length && used + rest[k].height <= colH - y) used += rest[k++].height;
      if (k < Math.min(2, rest.length) && y > 0) {
        newPage();
        continue;
      }
      k = Math.max(k, 1);
      page.push(placeTable(column, y, colW, title, rest.slice(0, k)));
      heights[column] = colH;
      next += k;
      first = false;
      if (heights.every((h) => h >= colH)) newPage();
    }
  }
  if (page.length) pages.push(page);
  return pages;
}

/** "Name (continued)" on one line, the name shortened if need be. */
function continuedTitle(ctx: DeckContext, name: string): string {
  const suffix = ' (continued)';
  const room = TABLE_W - 2 * MARGIN.h - measureText(suffix, TITLE_SIZE, { font: ctx.font, bold: true });
  return truncateToWidth(name, room, TITLE_SIZE, { font: ctx.font, bold: true }) + suffix;
}

function placeTable(column: number, y: number, colW: number[], title: MeasuredRow, rows: readonly MeasuredRow[]): PlacedTable {
  return {
    column,
    y,
    colW,
    rows: [
      [{ text: title.cells[0].text, bold: true, colspan: 3, size: TITLE_SIZE }],
      ...rows.map((r) => [{ text: r.cells[0].text }, { text: r.cells[1].text }, { text: r.cells[2].text, bold: true, align: 'center' as const }]),
    ],
    heights: [title.height, ...rows.map((r) => r.height)],
  };
}
