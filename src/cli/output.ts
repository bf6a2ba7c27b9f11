import pkg from '../../package.json' with { type: 'json' };
import { type Diagnostic, sortDiagnostics } from '../index.js';
import { github } from '../diagnostics/github.js';
import { json, stylish } from '../diagnostics/print.js';
import { sarif } from '../diagnostics/sarif.js';
import { catalogue } from '../rules/catalogue.js';
import { sarifRules } from './rule-docs.js';

/** What a command tells the shell: 0 all well, 1 the sources have problems, 2 tor could not do what was asked. */
export const Exit = { Ok: 0, Problems: 1, Usage: 2 } as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type DiagnosticFormat = (typeof FORMATS)[number];

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

export interface PrintOptions {
  format: DiagnosticFormat;
  color: boolean;
  stream: NodeJS.WriteStream;
  /** The edition(s) the rules were applied for, e.g. `Working Together 2026`. */
  checkedAgainst?: string;
}

/**
 * Prints diagnostics to `stream` in the chosen format. Stylish and github print nothing
 * for none; json and sarif always print a document, so a pipeline can always parse it.
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, options: PrintOptions): void {
  const sorted = sortDiagnostics(diagnostics);
  const text = render(sorted, sources, options);
  if (text !== '') options.stream.write(`${text}\n`);
}

function render(sorted: readonly Diagnostic[], sources: ReadonlyMap<string, string>, options: PrintOptions): string {
  switch (options.format) {
    case 'json':
      return json(sorted);
    case 'github':
      return github(sorted);
    case 'sarif':
      return sarif(sorted, {
        toolVersion: pkg.version,
        rules: sarifRules(catalogue.map((r) => r.meta)),
        properties: options.checkedAgainst === undefined ? undefined : { checkedAgainst: options.checkedAgainst },
      });
    case 'stylish':
      return stylish(sorted, sources, { color: options.color, checkedAgainst: options.checkedAgainst });
  }
}
