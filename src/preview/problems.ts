import type { Diagnostic } from '../index.js';
import { sortDiagnostics } from '../index.js';

/**
 * What the overlay shows: one entry per problem that stops the pages being rebuilt. Plain
 * data sent to the page as JSON; the page puts every field in as text, never as markup.
 */
export interface Problem {
  /** The file as the terminal shows it, when the problem is in one. */
  file?: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
  /** The diagnostic code or rule id, when there is one. */
  code?: string;
}

/** The errors among `diagnostics`, in file and line order; warnings and infos do not stop a rebuild. */
export function problemsOf(diagnostics: readonly Diagnostic[]): Problem[] {
  return sortDiagnostics(diagnostics)
    .filter((d) => d.severity === 'error')
    .map((d) => {
      const problem: Problem = { file: d.file, line: d.start.line, column: d.start.column, message: d.message, code: d.code };
      if (d.hint !== undefined) problem.hint = d.hint;
      return problem;
    });
}

