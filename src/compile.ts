import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Model } from './model/model.js';
import { resolve } from './model/resolve.js';
import { buildFile } from './syntax/build.js';
import type { SourceFile } from './syntax/source.js';

export interface CompileResult {
  /** The resolved partnership, when the sources could be read at all. */
  model: Model | undefined;
  /** Sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** Parses every file, then resolves them together as one partnership. */
export function compile(files: readonly SourceFile[]): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const trees = files.map((file) => {
    const built = buildFile(file.path, file.text);
    diagnostics.push(...built.diagnostics);
    return built.ast;
  });
  const resolved = resolve(trees);
  diagnostics.push(...resolved.diagnostics);
  return { model: resolved.model, diagnostics: sortDiagnostics(diagnostics) };
}
