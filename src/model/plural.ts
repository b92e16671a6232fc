// Counts in words: "1 system", "2 systems", "0 entities". One helper for every count the app
// and the command line print.

/** The plural of an English noun: entity → entities, box → boxes, system → systems. */
export function pluralOf(one: string): string {
  if (/[^aeiou]y$/i.test(one)) return `${one.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(one)) return `${one}es`;
  return `${one}s`;
}

/** `n` and the noun, singular for exactly one: count(1, 'system') → "1 system". */
export function count(n: number, one: string, many: string = pluralOf(one)): string {
  return `${n} ${n === 1 ? one : many}`;
}
