import type { Span } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './source.js';

export interface IncludeRef {
  /** The path as written, relative to the including file. */
  path: string;
  span: Span;
}

/** `include` is a declaration, so it stands at the left margin; prose and statements are indented. */
const INCLUDE_LINE = /^include[ \t]+([^\r\n]*?)[ \t]*$/gim;

/**
 * The `include` lines of a file, for the loader at the edge to follow. A line scan, not a
 * parse: the loader runs it on every file before compiling, and must not parse twice.
 */
export function findIncludes(file: SourceFile): IncludeRef[] {
  const out: IncludeRef[] = [];
  if (!/^include[ \t]/im.test(file.text)) return out;
  for (const m of file.text.matchAll(INCLUDE_LINE)) {
    const path = m[1]!;
    const start = m.index + m[0].indexOf(path, 'include'.length);
    out.push({ path, span: { file: file.path, start: position(file.text, start), end: position(file.text, start + path.length) } });
  }
  return out;
}

function position(text: string, offset: number): Span['start'] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}
