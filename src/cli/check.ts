import { framedLines } from '../diagnostics/print.js';
import { type Diagnostic, hasErrors, type SourceFile } from '../index.js';
import { EDITIONS, editionOfYear, type ActFlag, type CivilDate, type EditionCode } from '../rules/rule.js';
import { describeFailure } from './load.js';
import { compileSources, readProject, type ReadProject } from './project.js';
import { todayFromClock } from './options.js';
import { complain, type DiagnosticFormat, Exit, type ExitCode, printDiagnostics, useColor } from './output.js';

export interface CheckOptions {
  format: DiagnosticFormat;
  /** From `--color` / `--no-color`; undefined lets the terminal decide. */
  color?: boolean;
  /** `--edition`: a year, overriding tor.config.yaml and the partnership's own declaration. */
  edition?: string;
  /** `--today`; the machine's date when absent. */
  today?: CivilDate;
  /** `--enable`, added to `commenced:` in tor.config.yaml. */
  enable?: ActFlag[];
  /** `--max-warnings`: more warnings than this fail the check. */
  maxWarnings?: number;
}

interface Checked {
  diagnostics: Diagnostic[];
  /** The .tor files read, for code frames. */
  files: SourceFile[];
  /** The project's tor.config.yaml, when it has one. */
  config: SourceFile | undefined;
  edition: EditionCode | undefined;
}

/**
 * `tor check`: each path is one project (one partnership) with its own tor.config.yaml.
 * All diagnostics are printed together at the end, so JSON and SARIF are one document.
 */
export async function check(paths: readonly string[], options: CheckOptions): Promise<ExitCode> {
  const today = options.today ?? todayFromClock();
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const configs = new Set<string>();
  const editions = new Set<EditionCode>();
  let couldNotLoad = false;
  // One project at a time, each let go once compiled (but for the lines its code frames show):
  // a check of a whole region holds one project's sources, not the region's.
  for (const path of paths) {
    const read = await readProject(path);
    if (!read.ok) {
      complain(describeFailure(read.failure));
      couldNotLoad = true;
      continue;
    }
    const checked = checkProject(read.value, options, today);
    const { files, config, edition } = checked;
    // Two files in one folder share its tor.config.yaml: report its problems once.
    const repeated = config !== undefined && configs.has(config.path);
    if (config) configs.add(config.path);
    const reported = checked.diagnostics.filter((d) => !(repeated && d.file === config.path));
    diagnostics.push(...reported);
    if (options.format === 'stylish') keepFramedLines(config ? [config, ...files] : files, reported, sources);
    if (edition) editions.add(edition);
  }
  printDiagnostics(diagnostics, sources, {
    format: options.format,
    color: useColor(options.color, process.stdout),
    stream: process.stdout,
    checkedAgainst: describeEditions(editions),
  });
  if (couldNotLoad) return Exit.Usage;
  if (hasErrors(diagnostics)) return Exit.Problems;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    complain(`${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows`);
    return Exit.Problems;
  }
  return Exit.Ok;
}

function checkProject(read: ReadProject, options: CheckOptions, today: CivilDate): Checked {
  const edition = options.edition === undefined ? undefined : editionOfYear(Number(options.edition));
  const { diagnostics, files, configSource, compiled } = compileSources(read, { edition, today, enable: options.enable ?? [] });
  return { diagnostics, files, config: configSource, edition: compiled.edition };
}

/** What the code frames of `diagnostics` show of each file, for the stylish printer. */
function keepFramedLines(files: readonly SourceFile[], diagnostics: readonly Diagnostic[], sources: Map<string, string>): void {
  for (const file of files) {
    const own = diagnostics.filter((d) => d.file === file.path);
    if (own.length > 0) sources.set(file.path, framedLines(file.text, own));
  }
}

/** `Working Together 2026`, or `Working Together 2023 and 2026` when projects differ. */
function describeEditions(editions: ReadonlySet<EditionCode>): string | undefined {
  if (editions.size === 0) return undefined;
  const years = [...editions].map((e) => EDITIONS[e].year).sort();
  return `Working Together ${years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`}`;
}
