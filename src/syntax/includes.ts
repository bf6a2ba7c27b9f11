import type { Span } from '../diagnostics/diagnostic.js';
import { buildFile } from './build.js';
import type { SourceFile } from './source.js';

export interface IncludeRef {
  /** The path as written, relative to the including file. */
  path: string;
  span: Span;
}

/** The `include` lines of a file, for the loader at the edge to follow. */
export function findIncludes(file: SourceFile): IncludeRef[] {
  const out: IncludeRef[] = [];
  for (const decl of buildFile(file.path, file.text).ast.declarations) {
    if (decl.kind === 'include') out.push({ path: decl.path.text.trim(), span: decl.path.span });
  }
  return out;
}
