/**
 * The compiler core: text in, data out. Nothing here touches the file system, the
 * process or the clock, so the same code runs in Node, a browser and an editor.
 */
export type { Diagnostic, Position, Span, Severity } from './diagnostics/diagnostic.js';
export { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
export type { SourceFile } from './syntax/source.js';
export { compile, type CompileResult } from './compile.js';
export { formatSource, type FormatResult } from './format/format.js';
export { findIncludes, type IncludeRef } from './syntax/includes.js';
