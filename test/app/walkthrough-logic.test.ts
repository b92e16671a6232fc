import { describe, expect, it } from 'vitest';
import type { CrosswalkDocument } from '../../src/model/types';
import { loadExample } from '../fixtures/examples';
import {
  addToFocus,
  pairOfLink,
  describeFocus,
  dropIndex,
  focusFromSelection,
  focusNodeIds,
  formatElapsed,
  oneLine,
  parseBullets,
  presentClearance,
  presentKeyTarget,
} from '../../src/app/walkthrough/walkthrough-logic';

const example = (): CrosswalkDocument => loadExample();

describe('focusNodeIds', () => {
  const doc = example();
  const nodeIds = new Set([...doc.systems, ...doc.entities, ...(doc.notes ?? [])].map((x) => x.id));

  it('gives nothing for no focus, so the whole diagram is fitted', () => {
    expect(focusNodeIds(doc, undefined)).toEqual([]);
    expect(focusNodeIds(doc, [])).toEqual([]);
  });

  it('keeps node ids only, and brings in the ends of a focused link', () => {
    const mapping = doc.links.find((l) => l.kind === 'mapping' && 'entity' in l.from && 'entity' in l.to)!;
    const ids = focusNodeIds(doc, [mapping.id]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(nodeIds.has(id)).toBe(true);
    expect(ids).not.toContain(mapping.id);
    if ('entity' in mapping.from) expect(ids).toContain(mapping.from.entity);
    if ('entity' in mapping.to) expect(ids).toContain(mapping.to.entity);
  });

  it('for every step of the example, gives nodes of the document and never a link', () => {
    const linkIds = new Set(doc.links.map((l) => l.id));
    for (const step of doc.walkthrough ?? []) {
      const ids = focusNodeIds(doc, step.focus);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        expect(nodeIds.has(id)).toBe(true);
        expect(linkIds.has(id)).toBe(false);
      }
    }
  });
});

describe('describeFocus', () => {
  it('names systems, entities (with their system), links and notes; keeps unknown ids visible', () => {
    const doc = example();
    const system = doc.systems[0];
    const entity = doc.entities.find((e) => e.system === system.id)!;
    const link = doc.links[0];
    const note = doc.notes![0];
    const labels = describeFocus(doc, [system.id, entity.id, link.id, note.id, 'gone']);
    expect(labels.map((l) => l.kind)).toEqual(['system', 'entity', 'link', 'note', 'missing']);
    expect(labels[0].name).toBe(system.name);
    expect(labels[1].name).toBe(`${system.name} › ${entity.name}`);
    expect(labels[2].name.length).toBeGreaterThan(0);
    expect(labels[3].name.startsWith('Note: ')).toBe(true);
    expect(labels[4].name).toBe('gone');
  });

  it('names an unlabelled link by its ends', () => {
    const doc = example();
    const link = { ...doc.links.find((l) => l.kind === 'mapping')!, label: undefined };
    const d = { ...doc, links: [link] };
    expect(describeFocus(d, [link.id])[0].name).toContain(' → ');
  });
});

describe('focusFromSelection', () => {
  it('keeps existing ids in document order and adds the entity of a selected field', () => {
    const doc = example();
    const [a, b] = doc.entities;
    const sys = doc.systems[1];
    expect(focusFromSelection(doc, { ids: [b.id, 'nope', sys.id] })).toEqual([sys.id, b.id]);
    expect(focusFromSelection(doc, { ids: [], field: { entity: a.id } })).toEqual([a.id]);
    expect(focusFromSelection(doc, { ids: [] })).toEqual([]);
  });
});

describe('addToFocus and pairOfLink', () => {
  const doc = loadExample('identity-lifecycle');
  it('adds after what the focus holds, none twice', () => {
    expect(addToFocus(['okta'], ['slack', 'okta', 'google'])).toEqual(['okta', 'slack', 'google']);
    expect(addToFocus(undefined, ['okta'])).toEqual(['okta']);
  });
  it('gives the two systems a link joins across systems, and nothing for a link inside one', () => {
    expect(pairOfLink(doc, 'f-wd-okta')).toEqual(['workday', 'okta']);
    expect(pairOfLink(doc, 'm-email-login')).toEqual(['workday', 'okta']);
    expect(pairOfLink(doc, 'r-worker-position')).toBeUndefined();
    expect(pairOfLink(doc, 'ghost')).toBeUndefined();
  });
});

describe('parseBullets and oneLine', () => {
  it('takes one bullet per non-blank line, trimmed', () => {
    expect(parseBullets('  first \n\n\tsecond\r\nthird  \n   ')).toEqual(['first', 'second', 'third']);
    expect(parseBullets('')).toEqual([]);
  });
  it('shortens the first non-blank line', () => {
    expect(oneLine('\n  hello world  \nnext', 40)).toBe('hello world');
    expect(oneLine('abcdefghij', 5)).toBe('abcd…');
  });
});

describe('dropIndex', () => {
  it('moves a step into the gap it is dropped on', () => {
    const order = ['a', 'b', 'c', 'd'];
    const drop = (from: number, slot: number) => {
      const next = order.slice();
      const [moved] = next.splice(from, 1);
      next.splice(dropIndex(from, slot), 0, moved);
      return next.join('');
    };
    expect(drop(0, 4)).toBe('bcda');
    expect(drop(3, 0)).toBe('dabc');
    expect(drop(1, 3)).toBe('acbd');
    expect(drop(2, 1)).toBe('acbd');
    expect(drop(1, 1)).toBe('abcd');
    expect(drop(1, 2)).toBe('abcd');
  });
});

describe('presentKeyTarget', () => {
  it('steps forward and back, stops at the ends, jumps with Home/End, leaves with Escape', () => {
    for (const k of ['ArrowRight', 'ArrowDown', ' ', 'PageDown']) {
      expect(presentKeyTarget(k, 0, 3)).toBe(1);
      expect(presentKeyTarget(k, 2, 3)).toBe(2);
    }
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']) {
      expect(presentKeyTarget(k, 2, 3)).toBe(1);
      expect(presentKeyTarget(k, 0, 3)).toBe(0);
    }
    expect(presentKeyTarget('Home', 2, 3)).toBe(0);
    expect(presentKeyTarget('End', 0, 3)).toBe(2);
    expect(presentKeyTarget('Escape', 1, 3)).toBe('exit');
    expect(presentKeyTarget('x', 1, 3)).toBeUndefined();
    expect(presentKeyTarget('End', 0, 0)).toBe(0);
  });
});

describe('presentClearance', () => {
  const pane = { width: 1500, height: 900 };
  const fitted = (focus: { width: number; height: number }, c: ReturnType<typeof presentClearance>) =>
    Math.min((pane.width - c.left - c.right) / focus.width, (pane.height - c.top - c.bottom) / focus.height);

  it('fits a wide diagram above a tall card rather than in the strip beside it', () => {
    const card = { width: 600, height: 400 };
    const wide = { width: 1400, height: 600 };
    const c = presentClearance(pane, card, 380, wide);
    expect(c.bottom).toBeGreaterThanOrEqual(card.height);
    expect(c.left).toBeLessThan(card.width);
    const beside = { ...c, left: card.width + 48, bottom: 45 };
    expect(fitted(wide, c)).toBeGreaterThan(fitted(wide, beside));
  });

  it('fits a tall focus beside the card', () => {
    const card = { width: 600, height: 300 };
    const tall = { width: 300, height: 900 };
    const c = presentClearance(pane, card, 0, tall);
    expect(c.left).toBeGreaterThanOrEqual(card.width);
    expect(c.bottom).toBeLessThan(card.height);
  });

  it('keeps the speaker notes clear on the right only when they are open', () => {
    const card = { width: 600, height: 200 };
    const focus = { width: 800, height: 400 };
    expect(presentClearance(pane, card, 380, focus).right).toBeGreaterThanOrEqual(380);
    expect(presentClearance(pane, card, 0, focus).right).toBeLessThan(380);
  });

  it('always picks the side that shows the focus larger', () => {
    for (const card of [{ width: 620, height: 150 }, { width: 450, height: 500 }, { width: 300, height: 700 }]) {
      for (const focus of [{ width: 100, height: 100 }, { width: 2000, height: 300 }, { width: 200, height: 1600 }, { width: 0, height: 0 }]) {
        const c = presentClearance(pane, card, 200, focus);
        const other = c.bottom > c.left
          ? { ...c, bottom: Math.round(pane.height * 0.05), left: card.width + 48 }
          : { ...c, left: Math.round(pane.width * 0.05), bottom: card.height + 48 };
        const f = { width: Math.max(focus.width, 1), height: Math.max(focus.height, 1) };
        const avail = (x: typeof c) => Math.min(pane.width - x.left - x.right, pane.height - x.top - x.bottom);
        if (avail(other) > 0) expect(fitted(f, c)).toBeGreaterThanOrEqual(fitted(f, other));
        expect(avail(c)).toBeGreaterThan(0);
      }
    }
  });
});

describe('formatElapsed', () => {
  it('shows minutes and seconds, hours past the hour, never a negative time', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(4_999)).toBe('0:04');
    expect(formatElapsed(245_000)).toBe('4:05');
    expect(formatElapsed(3_729_000)).toBe('1:02:09');
    expect(formatElapsed(-5_000)).toBe('0:00');
  });
});
