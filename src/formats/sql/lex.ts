import type { SqlDialect } from '../types';

// A small SQL lexer: enough to split a script into statements (respecting quotes, comments,
// dollar-quoting and T-SQL's GO) and to hand the parser a statement whose quoted names and
// strings it cannot trip over. The parser never sees a name as the user wrote it: each quoted
// identifier and each string becomes a placeholder, read back after parsing.

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** As written (words, numbers, punctuation) or unquoted (identifiers, strings). */
  text: string;
  /** 1-based line the token starts on. */
  line: number;
  /** Line breaks the token spans (a string or quoted name holding newlines). */
  breaks: number;
  /** Whether whitespace or a comment comes before it. */
  spaced: boolean;
}

export interface Statement {
  tokens: Token[];
  /** 1-based line of its first token. */
  line: number;
}

export class LexError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const WORD = /[\p{L}\p{N}_$#@]/u;

/** Whether a character can be part of a word: ASCII answered without the Unicode regex. */
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || c === '_' || c === '$' || c === '#' || c === '@';
  return WORD.test(c);
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Splits a script into statements of tokens. Throws {@link LexError} on an unclosed quote or comment. */
export function splitStatements(input: string, dialect: SqlDialect): Statement[] {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const statements: Statement[] = [];
  let tokens: Token[] = [];
  let line = 1;
  let spaced = false;
  let lineStart = true; // only whitespace since the last line break (for GO)
  const end = () => {
    if (tokens.length) statements.push({ tokens, line: tokens[0].line });
    tokens = [];
  };
  const push = (kind: TokenKind, value: string, raw: string) => {
    const breaks = kind === 'string' || kind === 'ident' ? countBreaks(raw) : 0;
    tokens.push({ kind, text: value, line, breaks, spaced });
    line += breaks;
    spaced = false;
    lineStart = false;
  };
  // Finds the end of a quoted run closed by `close`, where a doubled `close` stands for itself.
  const closeQuote = (from: number, close: string, backslash: boolean): number => {
    for (let j = from; j < text.length; j++) {
      if (backslash && text[j] === '\\') j++;
      else if (text[j] === close) {
        if (text[j + 1] === close) j++;
        else return j;
      }
    }
    throw new LexError(line, `a quote (${close}) opened here is never closed`);
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
      spaced = true;
      lineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
      i++;
      spaced = true;
      continue;
    }
    if ((c === '-' && text[i + 1] === '-') || (c === '#' && dialect === 'mysql')) {
      while (i < text.length && text[i] !== '\n') i++;
      spaced = true;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw new LexError(line, 'a comment opened here with /* is never closed');
      line += countBreaks(text.slice(i, close));
      i = close + 2;
      spaced = true;
      continue;
    }
    if (c === ';') {
      i++;
      end();
      spaced = false;
      continue;
    }
    // String literals: 'x' (with '' inside), E'x' and MySQL's backslash escapes, N'x'.
    const prefixed = (c === 'E' || c === 'e' || c === 'N' || c === 'n') && text[i + 1] === "'" && !isWordChar(text[i - 1]);
    if (c === "'" || prefixed || (c === '"' && dialect === 'mysql')) {
      const open = prefixed ? i + 1 : i;
      const quote = text[open];
      const backslash = dialect === 'mysql' || (prefixed && /[Ee]/.test(c));
      const close = closeQuote(open + 1, quote, backslash);
      const raw = text.slice(open + 1, close);
      push('string', unescapeString(raw, quote, backslash), text.slice(i, close + 1));
      i = close + 1;
      continue;
    }
    if (c === '$' && dialect === 'postgresql') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 66));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        if (close < 0) throw new LexError(line, `a dollar-quoted string opened here with ${tag[0]} is never closed`);
        push('string', text.slice(i + tag[0].length, close), text.slice(i, close + tag[0].length));
        i = close + tag[0].length;
        continue;
      }
    }
    const closer = c === '"' ? '"' : c === '`' && dialect === 'mysql' ? '`' : c === '[' && dialect === 'mssql' ? ']' : undefined;
    if (closer) {
      const close = closeQuote(i + 1, closer, false);
      const raw = text.slice(i + 1, close);
      push('ident', raw.split(closer + closer).join(closer), text.slice(i, close + 1));
      i = close + 1;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < text.length && isWordChar(text[j])) j++;
      const word = text.slice(i, j);
      // T-SQL's batch separator: GO alone on its line ends a statement.
      if (dialect === 'mssql' && lineStart && /^go$/i.test(word) && /^[ \t]*(\d+)?[ \t]*(--[^\n]*)?(\n|$)/.test(text.slice(j, text.indexOf('\n', j) + 1 || undefined))) {
        end();
        i = j;
        continue;
      }
      push(/^\d/.test(word) ? 'number' : 'word', word, word);
      i = j;
      continue;
    }
    push('punct', c, c);
    i++;
  }
  end();
  return statements;
}

function unescapeString(raw: string, quote: string, backslash: boolean): string {
  let out = raw.split(quote + quote).join(quote);
  if (backslash) {
    out = out.replace(/\\(.)/gs, (_, ch: string) => ({ n: '\n', t: '\t', r: '\r', 0: '\0' })[ch] ?? ch);
  }
  return out;
}

/** Whether a token is the given keyword (any case). */
export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.some((w) => w.toLowerCase() === token.text.toLowerCase());
}
