import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type * as A from '../syntax/ast.js';
import { buildFile } from '../syntax/build.js';
import type { SourceFile } from '../syntax/source.js';
import { printFile } from './print.js';

export interface FormatResult {
  /** The canonical text, or undefined when the file does not parse (a broken file is never rewritten). */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Formats one file. Refuses a file with syntax errors, and checks its own output: the
 * result must parse and hold the same prose and comments, word for word, or nothing is
 * returned.
 */
export function formatSource(file: SourceFile): FormatResult {
  const built = buildFile(file.path, file.text);
  if (hasErrors(built.diagnostics)) return { text: undefined, diagnostics: built.diagnostics };
  const text = printFile(built.ast, file.text);
  const again = buildFile(file.path, text);
  if (hasErrors(again.diagnostics) || keptText(built.ast) !== keptText(again.ast)) {
    const at = { line: 1, column: 1, offset: 0 };
    return {
      text: undefined,
      diagnostics: [
        diagnostic('format/internal', 'error', { file: file.path, start: at, end: at }, 'tor fmt could not format this file without changing its text, so it left it alone.', 'Please report this, with the file.'),
      ],
    };
  }
  return { text, diagnostics: built.diagnostics };
}

/** Every word of prose and every comment, in order: what formatting must never change. */
function keptText(file: A.SourceFileNode): string {
  const parts: string[] = file.comments.map((c) => c.text.trimEnd());
  const prose = (p: A.Prose): void => {
    for (const item of p.items) {
      if (item.kind === 'paragraph' || item.kind === 'footnote') parts.push(...item.lines);
      else if (item.kind === 'list') listWords(item);
      else if (item.kind === 'section') prose(item.body);
      else parts.push(`{${item.name}}`);
    }
  };
  const listWords = (l: A.ProseList): void => {
    for (const li of l.items) {
      parts.push(...li.lines);
      if (li.children) listWords(li.children);
    }
  };
  for (const decl of file.declarations) {
    if (decl.kind === 'section') prose(decl.body);
    if (decl.kind === 'partnership' || decl.kind === 'group') {
      for (const s of decl.body) {
        if (s.kind === 'prose') prose(s.prose);
        if (s.kind === 'section') prose(s.body);
      }
    }
  }
  // Compared as printed, not trimmed: a line that lost a leading no-break space has changed.
  return parts.join('\n');
}
