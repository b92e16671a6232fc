import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdScope } from '../../src/formats/import-kit';
import { uniqueId } from '../../src/model/ids';

describe('IdScope', () => {
  it('hands out the ids uniqueId gives, a name repeated or not, reserved ids and suffixed names among them', () => {
    const name = fc.constantFrom('User', 'user', 'User 2', 'user-3', 'Account', 'account-2', '', '—');
    fc.assert(
      fc.property(fc.array(name, { maxLength: 6 }), fc.array(name, { maxLength: 40 }), (reserved, names) => {
        const scope = new IdScope(reserved);
        const taken = new Set<string>(reserved);
        for (const n of names) {
          const expected = uniqueId(n, taken);
          taken.add(expected);
          expect(scope.next(n)).toBe(expected);
        }
      }),
    );
  });

  it('numbers 5,000 tables of one name in order', () => {
    const scope = new IdScope(['account-3']);
    const ids = Array.from({ length: 5000 }, () => scope.next('Account'));
    expect(ids.slice(0, 4)).toEqual(['account', 'account-2', 'account-4', 'account-5']);
    expect(ids[4999]).toBe('account-5001');
    expect(new Set(ids).size).toBe(5000);
  });
});
