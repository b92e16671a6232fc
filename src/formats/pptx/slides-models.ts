import type { Entity } from '../../model/types';
import { drawTable, type Cell } from './draw';
import { addSlide, CONTENT_RECT, drawSlideTitle, type DeckContext } from './slide-frame';
import { measureCell, rowHeight, type MeasuredCell } from './table-layout';
import { measureText, widestWord } from './text-fit';
import { cleanText } from './xml-safety';

// The data models: each entity a native table (a title row naming it and its system, then
// field | type | key), set in three columns and packed across systems, so small models
// share a slide instead of sitting alone on a white one. An entity longer than a column
// continues in the next column as "Name (continued)", and on the next slide.

const SIZE = 12;
const TITLE_SIZE = 12;
const MARGIN = { h: 0.05, v: 0.03 };
const COLUMNS = 3;
const GAP = 0.25;
const TABLE_W = (CONTENT_RECT.w - (COLUMNS - 1) * GAP) / COLUMNS;
const TABLE_GAP = 0.15;

/** One table placed on a page. */
interface PlacedTable {
  group: ModelGroup;
  column: number;
  colW: number[];
  y: number;
  rows: Cell[][];
  heights: number[];
}

/** A system's slides, or the slides of entities outside any system. */
export interface ModelGroup {
  /** The system's name, or "no system". */
  name: string;
  /** How an entity's table names it: `Name (System)`. */
  label: (entity: Entity) => string;
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
    const name = cleanText(s.name);
    groups.push({ name, label: (e) => `${cleanText(e.name)} (${name})`, entities, notes: [head, ...describeEntities(entities)].join('\n') });
  }
  const loose = ctx.doc.entities.filter((e) => e.system === undefined || !ctx.index.systems.has(e.system));
  if (loose.length) groups.push({ name: 'no system', label: (e) => cleanText(e.name), entities: loose, notes: describeEntities(loose).join('\n') });
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

/** Adds the data-model slides, pausing after each; returns how many. */
export function* addModelSlides(ctx: DeckContext): Generator<void, number> {
  const groups = modelGroups(ctx);
  const entities = groups.flatMap((g) => g.entities.map((entity) => ({ entity, group: g })));
  const pages = packTables(ctx, entities);
  for (const tables of pages) {
    const p = addSlide(ctx, 'models');
    const onPage = [...new Set(tables.map((t) => t.group))];
    drawSlideTitle(p, `Data models: ${onPage.map((g) => g.name).join(', ')}`);
    for (const t of tables) {
      drawTable(p, { x: CONTENT_RECT.x + t.column * (TABLE_W + GAP), y: CONTENT_RECT.y + t.y }, t.colW, t.rows, t.heights, {
        size: SIZE,
        margin: MARGIN,
        name: 'Entity table',
      });
    }
    const notes = onPage.map((g) => g.notes).filter(Boolean).join('\n');
    if (notes) p.slide.addNotes(notes);
    yield;
  }
  return pages.length;
}

interface MeasuredRow {
  cells: MeasuredCell[];
  height: number;
}

/** Column widths of one entity's table: the key and type columns as narrow as their text allows. */
function columnWidths(ctx: DeckContext, entity: Entity, tableW: number): number[] {
  const pad = 2 * MARGIN.h + 0.04;
  const keyW = Math.max(0.3, measureText('PK', SIZE, { font: ctx.font, bold: true }) + pad);
  const widestType = Math.max(measureText('type', SIZE, { font: ctx.font }), ...entity.fields.map((f) => measureText(cleanText(f.type), SIZE, { font: ctx.font })));
  // Wide enough for the longest type word too (`currency(16,2)`), when the names keep theirs.
  const typeWord = Math.max(0, ...entity.fields.map((f) => widestWord(cleanText(f.type), SIZE, { font: ctx.font }))) + 2 * MARGIN.h;
  const nameWord = Math.max(0, ...entity.fields.map((f) => widestWord(cleanText(f.name), SIZE, { font: ctx.font }))) + 2 * MARGIN.h;
  const typeW = Math.min(widestType + pad, Math.max(tableW * 0.32, Math.min(typeWord, tableW - keyW - nameWord)));
  return [tableW - keyW - typeW, typeW, keyW];
}

/** Whether a table with these column widths would break a name or type in the middle of a word. */
function breaksWord(ctx: DeckContext, entity: Entity, colW: readonly number[]): boolean {
  const fits = (text: string, w: number) => widestWord(text, SIZE, { font: ctx.font }) <= w - 2 * MARGIN.h;
  return entity.fields.some((f) => !fits(cleanText(f.name), colW[0]) || !fits(cleanText(f.type), colW[1]));
}

/**
 * Places tables in the shortest column of the page (so a few entities spread across the
 * slide), then on a new page; an entity longer than a whole column is split between
 * columns, its later parts titled "Name (continued)".
 */
function packTables(ctx: DeckContext, entities: readonly { entity: Entity; group: ModelGroup }[]): PlacedTable[][] {
  const colH = CONTENT_RECT.h;
  const pages: PlacedTable[][] = [];
  let page: PlacedTable[] = [];
  let heights = new Array<number>(COLUMNS).fill(0);
  const newPage = () => {
    pages.push(page);
    page = [];
    heights = new Array<number>(COLUMNS).fill(0);
  };
  for (const { entity, group } of entities) {
    // A table whose names would wrap past a few lines in one column takes two.
    let span = 1;
    let colW = columnWidths(ctx, entity, TABLE_W);
    const tall = (w: number[]) => entity.fields.some((f) => measureCell(cleanText(f.name), w[0] - 2 * MARGIN.h, SIZE, ctx.font).lines > 4);
    // …and so does one whose name or type would break mid-word in one column.
    if (tall(colW) || breaksWord(ctx, entity, colW)) {
      span = 2;
      colW = columnWidths(ctx, entity, 2 * TABLE_W + GAP);
    }
    const tableW = colW.reduce((a, b) => a + b, 0);
    const inner = (i: number) => colW[i] - 2 * MARGIN.h;
    const fieldRows: MeasuredRow[] = entity.fields.map((f) => {
      const cells = [
        measureCell(cleanText(f.name), inner(0), SIZE, ctx.font),
        measureCell(cleanText(f.type), inner(1), SIZE, ctx.font),
        measureCell(f.key ?? '', inner(2), SIZE, ctx.font, true),
      ];
      return { cells, height: rowHeight(Math.max(...cells.map((c) => c.lines)), SIZE, MARGIN.v) };
    });
    const name = group.label(entity);
    const titleRow = (text: string): MeasuredRow => {
      const cell = measureCell(text, tableW - 2 * MARGIN.h, TITLE_SIZE, ctx.font, true);
      return { cells: [cell], height: rowHeight(cell.lines, TITLE_SIZE, MARGIN.v) };
    };
    let next = 0;
    let first = true;
    while (first || next < fieldRows.length) {
      // The lowest place `span` columns wide.
      let column = 0;
      let y = Infinity;
      for (let c = 0; c + span <= COLUMNS; c++) {
        const top = Math.max(...heights.slice(c, c + span));
        if (top < y) [column, y] = [c, top];
      }
      const take = (h: number) => heights.fill(h, column, column + span);
      const title = titleRow(first ? name : `${cleanText(entity.name)} (continued)`);
      const rest = fieldRows.slice(next);
      const need = title.height + rest.reduce((h, r) => h + r.height, 0);
      if (need <= colH - y) {
        page.push(placeTable(group, column, y, colW, title, rest));
        take(y + need + TABLE_GAP);
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
      k = Math.min(rest.length, Math.max(k, 1));
      page.push(placeTable(group, column, y, colW, title, rest.slice(0, k)));
      take(colH);
      next += k;
      first = false;
      if (heights.every((h) => h >= colH)) newPage();
    }
  }
  if (page.length) pages.push(page);
  return pages;
}

function placeTable(group: ModelGroup, column: number, y: number, colW: number[], title: MeasuredRow, rows: readonly MeasuredRow[]): PlacedTable {
  return {
    group,
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
