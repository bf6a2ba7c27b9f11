import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Model } from './model/model.js';
import { resolve } from './model/resolve.js';
import { catalogue } from './rules/catalogue.js';
import type { EditionCode } from './rules/rule.js';
import { applySuppressions, findSuppressions, type Suppression } from './rules/suppressions.js';
import { validate, type ValidateOptions } from './rules/validate.js';
import { buildFile } from './syntax/build.js';
import type { SourceFile } from './syntax/source.js';

export interface CompileOptions {
  /** Run the Working Together rules (default), with these options; `false` to only parse and resolve. */
  validate?: ValidateOptions | false;
}

export interface CompileResult {
  /** The resolved partnership, when the sources could be read at all. */
  model: Model | undefined;
  /** Sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The edition the rules were applied for; undefined when they did not run (not asked, or the sources have errors). */
  edition: EditionCode | undefined;
}

/** Parses every file, resolves them together as one partnership, and checks it. */
export function compile(files: readonly SourceFile[], options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const suppressions: Suppression[] = [];
  const ruleIds = catalogue.map((r) => r.meta.id);
  const trees = files.map((file) => {
    const built = buildFile(file.path, file.text);
    diagnostics.push(...built.diagnostics);
    const found = findSuppressions(file, built.ast.comments, ruleIds);
    suppressions.push(...found.suppressions);
    diagnostics.push(...found.diagnostics);
    return built.ast;
  });
  const resolved = resolve(trees);
  diagnostics.push(...resolved.diagnostics);
  let edition: EditionCode | undefined;
  // Rules read the model; on sources that do not parse or resolve they would only echo those errors.
  if (resolved.model && options.validate !== false && !hasErrors(diagnostics)) {
    const checked = validate(resolved.model, options.validate ?? {});
    edition = checked.edition;
    diagnostics.push(...checked.diagnostics);
  }
  return { model: resolved.model, diagnostics: sortDiagnostics(applySuppressions(diagnostics, suppressions)), edition };
}
