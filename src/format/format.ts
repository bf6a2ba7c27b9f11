import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../syntax/source.js';

export interface FormatResult {
  /** The canonical text, or undefined when the file does not parse (never format a broken file). */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

export declare function formatSource(file: SourceFile): FormatResult;
