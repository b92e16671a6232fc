import { describe, expect, it } from 'vitest';
import { ACTIONS, registerActions } from '../../src/app/actions/actions';

describe('action registry', () => {
  it('has unique ids and no shortcut bound twice', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = ACTIONS.flatMap((a) => a.shortcuts ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every toolbar action a label for its accessible name', () => {
    for (const a of ACTIONS.filter((x) => x.toolbar)) expect(a.label.length).toBeGreaterThan(2);
  });

  it('refuses an ambiguous shortcut or a taken id', () => {
    expect(() => registerActions([{ id: 'undo', label: 'x', group: 'Edit', run: () => {} }])).toThrow(/taken/);
    expect(() => registerActions([{ id: 'x-new', label: 'x', group: 'Edit', shortcuts: ['Mod+Z'], run: () => {} }])).toThrow(/already used/);
  });
});
