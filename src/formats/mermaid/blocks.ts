/** A Mermaid diagram found in a file, and the file line its first line sits on (0-based offset). */
export interface MermaidSource {
  text: string;
  lineOffset: number;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*mermaid\b/i;

/**
 * Finds the Mermaid erDiagram blocks of a Markdown text (```` ```mermaid ```` or `~~~mermaid`
 * fences whose diagram starts with `erDiagram`), keeping where each starts so errors point
 * at the right line of the file.
 */
export function findErDiagramBlocks(markdown: string): MermaidSource[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: MermaidSource[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    // Closed by a line of at least as many of the same fence character (or the end of the file).
    const close = new RegExp(`^\\s{0,3}\\${open[1][0]}{${open[1].length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const body = lines.slice(i + 1, end);
    const first = body.find((l) => l.trim() !== '' && !l.trim().startsWith('%%'));
    if (first?.trim().startsWith('erDiagram')) blocks.push({ text: body.join('\n'), lineOffset: i + 1 });
    i = end;
  }
  return blocks;
}

