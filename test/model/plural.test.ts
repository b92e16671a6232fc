import { describe, expect, it } from 'vitest';
import { count, pluralOf } from '../../src/model/plural';

describe('count', () => {
  it.each([
    [0, 'system', '0 systems'],
    [1, 'system', '1 system'],
    [2, 'system', '2 systems'],
    [1, 'entity', '1 entity'],
    [3, 'entity', '3 entities'],
    [2, 'key', '2 keys'],
    [2, 'box', '2 boxes'],
    [1, 'required field', '1 required field'],
  ])('%d %s → %s', (n, one, text) => {
    expect(count(n, one)).toBe(text);
  });
  it('takes an irregular plural', () => {
    expect(pluralOf('match')).toBe('matches');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
});
