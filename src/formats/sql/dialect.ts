import type { SqlDialect } from '../types';

/** Guesses the dialect of a script from what only one dialect writes; PostgreSQL otherwise. */
export function guessSqlDialect(text: string): SqlDialect {
  const head = text.slice(0, 50_000);
  if (/`|\bENGINE\s*=|\bAUTO_INCREMENT\b/i.test(head)) return 'mysql';
  if (/\[[^\]\n]+\]\s*\.|^\s*GO\s*$|\bIDENTITY\s*\(|\bNVARCHAR\b|\bsp_addextendedproperty\b/im.test(head)) return 'mssql';
  return 'postgresql';
}
