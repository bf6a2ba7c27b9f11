import { compile, type Diagnostic, hasErrors } from '../index.js';
import { describeFailure, loadProject } from './load.js';
import { complain, type DiagnosticFormat, Exit, type ExitCode, printDiagnostics, useColor } from './output.js';

export interface CheckOptions {
  format: DiagnosticFormat;
  /** From `--color` / `--no-color`; undefined lets the terminal decide. */
  color?: boolean;
}

/**
 * `tor check`: each path is one project (one partnership). All diagnostics are printed
 * together at the end, so JSON output is a single array.
 */
export async function check(paths: readonly string[], options: CheckOptions): Promise<ExitCode> {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  let couldNotLoad = false;
  for (const path of paths) {
    const loaded = await loadProject(path);
    if (!loaded.ok) {
      complain(describeFailure(loaded.failure));
      couldNotLoad = true;
      continue;
    }
    const { files, diagnostics: includeProblems } = loaded.value;
    for (const file of files) sources.set(file.path, file.text);
    diagnostics.push(...includeProblems, ...compile(files).diagnostics);
  }
  printDiagnostics(diagnostics, sources, {
    format: options.format,
    color: useColor(options.color, process.stdout),
    stream: process.stdout,
  });
  if (couldNotLoad) return Exit.Usage;
  return hasErrors(diagnostics) ? Exit.Problems : Exit.Ok;
}
