/** A path into a document, as a list of keys and indices. */
export type PathSegment = string | number;

/** Formats a path the way messages show it: `entities[3].fields[1].id`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(document)';
}

/** One thing wrong with a document, with where it is. */
export interface Problem {
  /** Formatted path, e.g. `entities[3].fields[1].id`. */
  path: string;
  message: string;
}

/** Formats a problem as one line: `path: message`. */
export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}
