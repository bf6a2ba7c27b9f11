import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { Model } from './model/model.js';
import type { SourceFile } from './syntax/source.js';

export interface CompileResult {
  /** The resolved partnership, when the sources could be read at all. */
  model: Model | undefined;
  /** Sorted by file and position. */
  diagnostics: Diagnostic[];
}

export declare function compile(files: readonly SourceFile[]): CompileResult;
