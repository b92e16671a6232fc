import {
  ENTITY_HEADER_HEIGHT,
  FIELD_ROW_HEIGHT,
  NOTE_LINE_HEIGHT,
  SYSTEM_HEADER_HEIGHT,
  type Box,
} from '../../model/geometry';
import type { Entity, Field, Note, System } from '../../model/types';
import { baseline, fittedText, line, multilineText, rect, type DrawContext } from './draw';
import { measureText, singleLine, wrapText, type TextStyle } from './text';

// Systems, entities and notes, drawn in the boxes computeGeometry gives them (the sizes the
// canvas uses), so the picture matches the canvas.

const SYSTEM_NAME: TextStyle = { size: 15, bold: true };
const SYSTEM_KIND: TextStyle = { size: 11 };
const ENTITY_NAME: TextStyle = { size: 13, bold: true };
const FIELD_NAME: TextStyle = { size: 12 };
const FIELD_TYPE: TextStyle = { size: 11 };
const FIELD_KEY: TextStyle = { size: 9, bold: true };
const NOTE_TEXT: TextStyle = { size: 13 };

/** Inner horizontal padding of boxes. */
const PAD = 8;
/** Room for the PK/FK/UK marker at the start of a field row. */
const KEY_COLUMN = 24;
/** Space kept between a field's name and its type. */
const GAP = 8;
/** Note text inset (top and sides), matching noteHeight's 20 px of vertical padding. */
const NOTE_INSET = 10;

/** A system: an outlined box with a title band holding its name and, smaller, its kind. */
export function drawSystem(ctx: DrawContext, system: System, box: Box): string {
  const parts = [rect(box.x, box.y, box.width, box.height, 6)];
  const bandBottom = box.y + Math.min(SYSTEM_HEADER_HEIGHT, box.height);
  parts.push(line(box.x, bandBottom, box.x + box.width, bandBottom));
  const maxWidth = box.width - 2 * 12;
  const kind = system.kind === undefined ? '' : singleLine(system.kind);
  if (kind !== '') {
    parts.push(fittedText(ctx, system.name, box.x + 12, box.y + 14, maxWidth, SYSTEM_NAME));
    parts.push(fittedText(ctx, system.kind ?? '', box.x + 12, box.y + 30, maxWidth, SYSTEM_KIND));
  } else {
    parts.push(fittedText(ctx, system.name, box.x + 12, box.y + SYSTEM_HEADER_HEIGHT / 2, maxWidth, SYSTEM_NAME));
  }
  return `<g>${parts.join('')}</g>`;
}

/** An entity: a table with a title row and one row per field (key marker, name, type). */
export function drawEntity(ctx: DrawContext, entity: Entity, box: Box): string {
  const parts = [rect(box.x, box.y, box.width, box.height, 4)];
  parts.push(
    fittedText(ctx, entity.name, box.x + box.width / 2, box.y + ENTITY_HEADER_HEIGHT / 2, box.width - 2 * PAD, ENTITY_NAME, 'middle'),
  );
  parts.push(line(box.x, box.y + ENTITY_HEADER_HEIGHT, box.x + box.width, box.y + ENTITY_HEADER_HEIGHT));
  entity.fields.forEach((field, i) => {
    const top = box.y + ENTITY_HEADER_HEIGHT + i * FIELD_ROW_HEIGHT;
    if (i > 0) parts.push(line(box.x + PAD / 2, top, box.x + box.width - PAD / 2, top, 0.5));
    parts.push(drawFieldRow(ctx, field, box, top + FIELD_ROW_HEIGHT / 2));
  });
  return `<g>${parts.join('')}</g>`;
}

function drawFieldRow(ctx: DrawContext, field: Field, box: Box, centreY: number): string {
  const parts: string[] = [];
  if (field.key !== undefined) {
    parts.push(fittedText(ctx, field.key, box.x + PAD, centreY, KEY_COLUMN, FIELD_KEY));
  }
  const nameX = box.x + PAD + KEY_COLUMN;
  const available = box.width - PAD - KEY_COLUMN - PAD;
  const type = field.type === undefined ? '' : singleLine(field.type);
  if (type === '') {
    parts.push(fittedText(ctx, field.name, nameX, centreY, available, FIELD_NAME));
    return parts.join('');
  }
  // Both fit: draw both whole. Otherwise the type keeps up to 40% of the row (more if the
  // name is short) and the name takes the rest.
  const nameWidth = measureText(singleLine(field.name), FIELD_NAME);
  const typeWidth = measureText(type, FIELD_TYPE);
  const typeMax = nameWidth + GAP + typeWidth <= available ? typeWidth : Math.max(Math.min(typeWidth, available * 0.4), available - GAP - nameWidth);
  const nameMax = available - GAP - Math.min(typeWidth, typeMax);
  parts.push(fittedText(ctx, field.name, nameX, centreY, nameMax, FIELD_NAME));
  parts.push(fittedText(ctx, field.type ?? '', box.x + box.width - PAD, centreY, typeMax, FIELD_TYPE, 'end'));
  return parts.join('');
}

/** A note: an outlined box with its text wrapped to the box, cut with an ellipsis if it overflows. */
export function drawNote(ctx: DrawContext, note: Note, box: Box): string {
  const maxLines = Math.max(1, Math.floor((box.height - 2 * NOTE_INSET) / NOTE_LINE_HEIGHT));
  const { lines, changed } = wrapText(note.text, box.width - 2 * NOTE_INSET, maxLines, NOTE_TEXT);
  const first = baseline(box.y + NOTE_INSET + NOTE_LINE_HEIGHT / 2, NOTE_TEXT);
  const text = multilineText(ctx, lines, box.x + NOTE_INSET, first, NOTE_LINE_HEIGHT, NOTE_TEXT, 'start', changed ? note.text : undefined);
  return `<g>${rect(box.x, box.y, box.width, box.height, 2)}${text}</g>`;
}
