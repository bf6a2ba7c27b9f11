/** One type for every problem tor reports: parser, resolver and rules all produce it. */
export type Severity = 'error' | 'warning' | 'info';

/** A place in a source file. `line` and `column` count from 1; `offset` counts UTF-16 units from 0. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  file: string;
  start: Position;
  end: Position;
}

export interface Diagnostic {
  /** Stable code (`syntax/…`, `resolve/…`) or validator rule id. */
  code: string;
  severity: Severity;
  /** What is wrong, in the author's words. */
  message: string;
  file: string;
  start: Position;
  end: Position;
  /** How to fix it, when we can tell. */
  hint?: string;
  /** For validator findings: the guidance or statute the rule rests on. */
  citation?: string;
}

export function diagnostic(
  code: string,
  severity: Severity,
  span: Span,
  message: string,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { code, severity, message, file: span.file, start: span.start, end: span.end };
  if (hint !== undefined) d.hint = hint;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, then code, so output is deterministic. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.start.offset - b.start.offset ||
      a.end.offset - b.end.offset ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
