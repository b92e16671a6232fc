import type { Rect } from './draw';

// Diagram slides the user asked for as pictures (ExportOptions.pictures): the app renders
// the canvas to PNG and passes data URLs; the deck places each one whole, keeping its shape.

/** A PNG given as a data URL, with its pixel size read from its header. */
export interface Picture {
  dataUrl: string;
  width: number;
  height: number;
}

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads a PNG data URL. Throws with a clear message when it is not one, rather than
 * writing a deck with a broken picture.
 */
export function parsePicture(key: string, dataUrl: string): Picture {
  const match = PNG_DATA_URL.exec(dataUrl.replace(/\s+/g, ''));
  if (!match) throw new Error(`pictures[${JSON.stringify(key)}]: expected a PNG data URL (data:image/png;base64,…)`);
  const head = atob(match[1].slice(0, 44)); // 33 bytes: signature, IHDR length and type, width, height
  const bytes = Array.from(head, (c) => c.charCodeAt(0));
  const isPng = PNG_SIGNATURE.every((b, i) => bytes[i] === b) && head.slice(12, 16) === 'IHDR';
  if (!isPng) throw new Error(`pictures[${JSON.stringify(key)}]: the data is not a PNG image`);
  const u32 = (o: number) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  const width = u32(16);
  const height = u32(20);
  if (width === 0 || height === 0) throw new Error(`pictures[${JSON.stringify(key)}]: the PNG has no size`);
  return { dataUrl: match[0], width, height };
}

/** The largest rectangle of the picture's shape inside `area`, centred. */
export function containRect(picture: Pick<Picture, 'width' | 'height'>, area: Rect): Rect {
  const scale = Math.min(area.w / picture.width, area.h / picture.height);
  const w = picture.width * scale;
  const h = picture.height * scale;
  return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}
