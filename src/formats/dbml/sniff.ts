// Kept apart from the importer so a registry can sniff without loading the importer.

/** How sure we are that `text` (from `fileName`) is DBML: 0 no, 1 sure. */
export function sniffDbml(text: string, fileName?: string): number {
  if (fileName && /\.dbml$/i.test(fileName)) return 1;
  const head = text.slice(0, 4000);
  if (/^\s*(Table|TableGroup|Enum|Project|TablePartial)\s+("[^"]*"|[\w.]+)(\s+as\s+\w+)?\s*(\[[^\]]*\]\s*)?\{/m.test(head)) return 0.9;
  if (/^\s*Ref\s*("[^"]*"|\w+)?\s*[:{]/m.test(head)) return 0.7;
  return 0;
}
