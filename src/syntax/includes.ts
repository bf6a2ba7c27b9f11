import type { Span } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './source.js';

export interface IncludeRef {
  /** The path as written, relative to the including file. */
  path: string;
  span: Span;
}

/**
 * `include` is a declaration, so it stands at the left margin; prose and statements are
 * indented. The path runs to the end of the line (any line ending); trailing blanks are
 * trimmed in code, since a pattern that trims them backtracks over every blank in turn.
 */
const INCLUDE_LINE = /^include[ \t]+([^\r\n]*)/gim;

/**
 * The `include` lines of a file, for the loader at the edge to follow. A line scan, not a
 * parse: the loader runs it on every file before compiling, and must not parse twice.
 */
export function findIncludes(file: SourceFile): IncludeRef[] {
  const out: IncludeRef[] = [];
  if (!/^include[ \t]/im.test(file.text)) return out;
  const positions = positionsIn(file.text);
  for (const m of file.text.matchAll(INCLUDE_LINE)) {
    const path = trimBlanksEnd(m[1]!);
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ path, span: { file: file.path, start: positions(start), end: positions(start + path.length) } });
  }
  return out;
}

/** Without trailing spaces and tabs; a loop, because `/[ \t]+$/` retries at every blank of an inner run. */
function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(0, end);
}

/** Line and column of offsets asked for in increasing order, counting lines once through the text. */
function positionsIn(text: string): (offset: number) => Span['start'] {
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  return (offset) => {
    for (; scanned < offset; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 10 || (c === 13 && text.charCodeAt(scanned + 1) !== 10)) {
        line++;
        lineStart = scanned + 1;
      }
    }
    return { line, column: offset - lineStart + 1, offset };
  };
}
