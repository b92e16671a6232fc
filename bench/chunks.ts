import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatKb, table } from './measure';

// Sizes of the built JavaScript: what the first visit downloads (the chunks index.html
// references) against what loads later (dynamic imports, the layout worker).

/** Libraries recognised in a chunk by a string their code always holds. */
const SIGNATURES: readonly [name: string, test: (text: string, file: string) => boolean][] = [
  ['elkjs', (t) => t.includes('org.eclipse.elk')],
  ['pptxgenjs', (t) => t.includes('<dc:creator>PptxGenJS')],
  ['html-to-image', (t) => t.includes('Error inserting rule from remote css')],
  // Mermaid splits into many chunks named after its diagrams (erDiagram-…, flowDiagram-…);
  // its core holds mermaidAPI.
  ['mermaid', (t, f) => t.includes('mermaidAPI') || /(Diagram-|mermaid\.core)[^/]*\.js$/.test(f)],
  ['jszip', (t) => t.includes('JSZip')],
  // Import parsers: node-sql-parser ships one build per dialect; papaparse for mapping sheets.
  ['node-sql-parser', (t, f) => /\/(postgresql|mysql|transactsql)-[^/]*\.js$/.test(f) || t.includes('node-sql-parser')],
  ['papaparse', (t) => t.includes('Papa.parse') || t.includes('BAD_DELIMITERS')],
  ['react-dom', (t) => t.includes('__reactFiber')],
  ['@xyflow/react', (t) => t.includes('react-flow__pane')],
];

/** Libraries that must never be in the first-load JS. */
const PARSERS = ['node-sql-parser', 'papaparse'];
const HEAVY = ['mermaid', 'pptxgenjs', 'elkjs', 'html-to-image', ...PARSERS];

interface Chunk {
  file: string;
  bytes: number;
  gzip: number;
  libraries: string[];
}

function listJs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listJs(path));
    else if (/\.(m?js)$/.test(name)) out.push(path);
  }
  return out;
}

/** Relative specifiers of a chunk's static imports (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{][^;()"']*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.m?js)["']/g)) out.push(m[1]);
  return out;
}

/**
 * The chunk files a first visit loads: the scripts and module preloads index.html names,
 * and everything they import statically (whether or not Vite listed it as a preload).
 */
function firstLoadFiles(dist: string): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  const queue: string[] = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.m?js)"/g)) {
    queue.push(join(dist, m[1].replace(/^\.?\//, '')));
  }
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (refs.has(file) || !existsSync(file)) continue;
    refs.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) queue.push(join(dirname(file), spec));
  }
  return refs;
}

/** Prints the chunk report for `dist`, or how to get one. */
export function reportChunks(dist: string): string {
  if (!existsSync(join(dist, 'index.html'))) {
    return `No build found (${relative(process.cwd(), join(dist, 'index.html')) || 'dist/index.html'} is missing): run \`npm run build\` first to see chunk sizes.`;
  }
  const first = firstLoadFiles(dist);
  const chunks: Chunk[] = listJs(dist).map((file) => {
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    return {
      file,
      bytes: bytes.length,
      gzip: gzipSync(bytes).length,
      libraries: SIGNATURES.filter(([, test]) => test(text, file)).map(([name]) => name),
    };
  });
  const initial = chunks.filter((c) => first.has(c.file));
  const lazy = chunks.filter((c) => !first.has(c.file)).sort((a, b) => b.bytes - a.bytes);
  const sum = (list: Chunk[], key: 'bytes' | 'gzip') => list.reduce((n, c) => n + c[key], 0);
  const row = (c: Chunk, kind: string) => [
    relative(dist, c.file),
    kind,
    formatKb(c.bytes),
    formatKb(c.gzip),
    c.libraries.join(', '),
  ];
  const shown = lazy.slice(0, 15);
  const rest = lazy.slice(15);
  const rows = [
    ...initial.map((c) => row(c, 'first load')),
    ...shown.map((c) => row(c, 'lazy')),
    ...(rest.length ? [[`… ${rest.length} more lazy chunks`, 'lazy', formatKb(sum(rest, 'bytes')), formatKb(sum(rest, 'gzip')), '']] : []),
  ];
  const byLibrary = SIGNATURES.map(([name]) => {
    const holding = lazy.filter((c) => c.libraries.includes(name));
    return holding.length ? `${name}: ${holding.length} lazy chunk(s), ${formatKb(sum(holding, 'bytes'))}` : undefined;
  }).filter((s): s is string => s !== undefined);
  const firstHeavy = initial.flatMap((c) => c.libraries).filter((l) => HEAVY.includes(l));
  const parsers = lazy
    .filter((c) => c.libraries.some((l) => PARSERS.includes(l)))
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((c) => `${relative(dist, c.file)} ${formatKb(c.gzip)} gzip (${c.libraries.join(', ')})`);
  return [
    table(['chunk', 'loads', 'size', 'gzip', 'holds'], rows, 'llrrl'),
    '',
    `First-load JS: ${formatKb(sum(initial, 'bytes'))} (${formatKb(sum(initial, 'gzip'))} gzip) in ${initial.length} chunk(s); ` +
      `lazy JS: ${formatKb(sum(lazy, 'bytes'))} in ${lazy.length} chunk(s).`,
    byLibrary.length ? `Lazy libraries: ${byLibrary.join('; ')}.` : '',
    parsers.length ? `Parser chunks (each loads on first use): ${parsers.join('; ')}.` : '',
    firstHeavy.length
      ? `WARNING: heavy libraries in the first-load JS: ${[...new Set(firstHeavy)].join(', ')}.`
      : `No heavy library (${HEAVY.join(', ')}) in the first-load JS.`,
  ]
    .filter((l) => l !== '')
    .join('\n');
}
