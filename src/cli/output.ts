import { type Diagnostic, sortDiagnostics } from '../index.js';
import { json, stylish } from '../diagnostics/print.js';

/** What a command tells the shell: 0 all well, 1 the sources have problems, 2 tor could not do what was asked. */
export const Exit = { Ok: 0, Problems: 1, Usage: 2 } as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

export type DiagnosticFormat = 'stylish' | 'json';

/** The one-line message for a usage or I/O error. */
export function complain(message: string): void {
  process.stderr.write(`tor: ${message}\n`);
}

/**
 * Colour when asked (`--color` / `--no-color`), else only on a terminal and when
 * NO_COLOR (https://no-color.org) is unset or empty.
 */
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream): boolean {
  if (flag !== undefined) return flag;
  return stream.isTTY === true && !process.env['NO_COLOR'];
}

/** Prints diagnostics to `stream` in the chosen format; prints nothing for none in stylish. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: { format: DiagnosticFormat; color: boolean; stream: NodeJS.WriteStream },
): void {
  const sorted = sortDiagnostics(diagnostics);
  const text = options.format === 'json' ? json(sorted) : stylish(sorted, sources, { color: options.color });
  if (text !== '') options.stream.write(`${text}\n`);
}
