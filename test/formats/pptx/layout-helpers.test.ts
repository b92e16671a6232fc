import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containRect, parsePicture } from '../../../src/formats/pptx/picture';
import { paginateRows } from '../../../src/formats/pptx/table-layout';
import { fitText, linesHeight, measureText, wrapText } from '../../../src/formats/pptx/text-fit';

describe('text fitting', () => {
  const words = fc.array(fc.stringMatching(/^[A-Za-z0-9_.]{1,30}$/), { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));

  it('wraps into lines no wider than the box (a lone character excepted)', () => {
    fc.assert(
      fc.property(words, fc.double({ min: 0.3, max: 6, noNaN: true }), fc.integer({ min: 10, max: 24 }), (text, width, size) => {
        for (const line of wrapText(text, width, size)) {
          if (Array.from(line).length > 1) expect(measureText(line, size)).toBeLessThanOrEqual(width + 1e-9);
        }
      }),
    );
  });

  it('never goes below the smallest size, and what it returns fits', () => {
    fc.assert(
      fc.property(words, fc.double({ min: 0.4, max: 6, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (text, w, h) => {
        const fitted = fitText(text, w, h, { maxPt: 24, minPt: 12, maxLines: 4 });
        expect(fitted.size).toBeGreaterThanOrEqual(12);
        expect(fitted.size).toBeLessThanOrEqual(24);
        // Never shortened: what does not fit says so, at the smallest size.
        expect(fitted.text).toBe(text);
        if (fitted.overflows) expect(fitted.size).toBe(12);
        else {
          expect(fitted.lines).toBeLessThanOrEqual(4);
          expect(linesHeight(fitted.lines, fitted.size)).toBeLessThanOrEqual(h + 1e-9);
        }
      }),
    );
  });

  it('prefers a smaller size to breaking a word', () => {
    const fitted = fitText('Google Workspace', 1.13, 1, { maxPt: 16, minPt: 12, bold: true, maxLines: 3 });
    expect(wrapText(fitted.text, 1.13, fitted.size, { bold: true })).toEqual(['Google', 'Workspace']);
  });
});

describe('table pagination', () => {
  it('keeps every row once, in order, each page within the height (a too-tall row alone)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { maxLength: 80 }), (heights) => {
        const pages = paginateRows(0.3, heights, 4);
        expect(pages.flat()).toEqual(heights.map((_, i) => i));
        for (const page of pages) {
          const used = 0.3 + page.reduce((h, i) => h + heights[i], 0);
          if (page.length > 1) expect(used).toBeLessThanOrEqual(4 + 1e-9);
        }
      }),
    );
  });
});

describe('pictures', () => {
  it('reads a PNG size from its header and keeps its shape inside an area', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGNgYGD4//8/AAYBAv4CsjmuAAAAAElFTkSuQmCC';
    const p = parsePicture('diagram', png);
    expect([p.width, p.height]).toEqual([2, 1]);
    expect(containRect(p, { x: 0, y: 0, w: 4, h: 4 })).toEqual({ x: 0, y: 1, w: 4, h: 2 });
    expect(() => parsePicture('step:x', 'data:image/png;base64,AAAA')).toThrow('pictures["step:x"]');
  });
});

