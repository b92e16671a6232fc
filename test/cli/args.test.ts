import { describe, expect, it } from 'vitest';
import { parseArgs, printable, UsageError } from '../../src/cli/args';

const spec = { to: { value: true }, out: { value: true, alias: 'o' }, layout: { value: false } };

describe('parseArgs', () => {
  it.each([
    [['doc.json', '--to', 'svg', '-o', 'x.svg'], ['doc.json'], { to: 'svg', out: 'x.svg' }],
    [['--to=svg', 'doc.json', '--out=x.svg', '--layout'], ['doc.json'], { to: 'svg', out: 'x.svg', layout: true }],
    [['doc.json', '-o', '-', '--to', 'json'], ['doc.json'], { out: '-', to: 'json' }],
    [['--', '--odd-name.json'], ['--odd-name.json'], {}],
  ])('parses %j', (args, positionals, flags) => {
    const parsed = parseArgs(args, spec);
    expect(parsed.positionals).toEqual(positionals);
    expect(Object.fromEntries(parsed.flags)).toEqual(flags);
  });

  it.each([
    [['--bogus'], 'unknown option "--bogus"'],
    [['-x'], 'unknown option "-x"'],
    [['--to'], 'option --to needs a value'],
    [['--to', '--layout'], 'option --to needs a value'],
    [['--layout=yes'], 'option --layout takes no value'],
    [['--to', 'a', '--to', 'b'], 'option --to given twice'],
    [['--constructor'], 'unknown option "--constructor"'],
  ])('refuses %j', (args, message) => {
    expect(() => parseArgs(args, spec)).toThrow(UsageError);
    expect(() => parseArgs(args, spec)).toThrow(message);
  });
});

describe('printable', () => {
  it('escapes control characters and keeps other Unicode', () => {
    expect(printable('a\u001b[31mb\nc\u0085 é → 日本')).toBe('a\\u001b[31mb\\u000ac\\u0085 é → 日本');
  });
});
