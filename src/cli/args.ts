// Parses the command line into a command, its positional arguments and its flags. Every
// flag is declared, so a typo is a usage error rather than silently ignored.

/** The flags a command accepts: name → whether it takes a value. */
export type FlagSpec = Readonly<Record<string, { value: boolean; alias?: string }>>;

/** A parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** A usage error: the CLI prints it with the usage text and exits 2. */
export class UsageError extends Error {}

/**
 * Parses `args` against `spec`: `--name value`, `--name=value`, `-o value` (aliases), `--`
 * ends flags. Throws {@link UsageError} on an unknown flag, a missing value or a repeated flag.
 */
export function parseArgs(args: readonly string[], spec: FlagSpec): ParsedArgs {
  const byAlias = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) if (s.alias) byAlias.set(s.alias, name);
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  let onlyPositionals = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : arg.slice(1, eq < 0 ? undefined : eq);
    const name = arg.startsWith('--') ? raw : byAlias.get(raw);
    const s = name !== undefined && Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (name === undefined || !s) throw new UsageError(`unknown option ${quote(arg.slice(0, eq < 0 ? undefined : eq))}`);
    if (flags.has(name)) throw new UsageError(`option --${name} given twice`);
    if (!s.value) {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    if (eq >= 0) {
      flags.set(name, arg.slice(eq + 1));
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(`option --${name} needs a value`);
    flags.set(name, value);
    i++;
  }
  return { positionals, flags };
}

/** Quotes a piece of user input for a message, with control characters made visible. */
export function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Makes text safe to print on a terminal: control characters (a title may hold an escape
 * sequence or a newline) become visible `\uXXXX` escapes. Ordinary Unicode is kept.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
