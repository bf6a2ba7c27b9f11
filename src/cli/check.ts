import { type Diagnostic, hasErrors, type SourceFile } from '../index.js';
import { EDITIONS, editionOfYear, type ActFlag, type CivilDate, type EditionCode } from '../rules/rule.js';
import { describeFailure, type Loaded } from './load.js';
import { compileProject } from './project.js';
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
  const editions = new Set<EditionCode>();
  let couldNotLoad = false;
  // Projects are read concurrently; each compiles as soon as its files are in.
  const results = await Promise.all(paths.map((path) => checkProject(path, options, today)));
  for (const checked of results) {
    if (!checked.ok) {
      complain(describeFailure(checked.failure));
      couldNotLoad = true;
      continue;
    }
    const { files, config, edition } = checked.value;
    // Two files in one folder share its tor.config.yaml: report its problems once.
    const repeated = config !== undefined && sources.has(config.path);
    diagnostics.push(...checked.value.diagnostics.filter((d) => !(repeated && d.file === config.path)));
    for (const file of config ? [config, ...files] : files) sources.set(file.path, file.text);
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

async function checkProject(path: string, options: CheckOptions, today: CivilDate): Promise<Loaded<Checked>> {
  const edition = options.edition === undefined ? undefined : editionOfYear(Number(options.edition));
  const project = await compileProject(path, { edition, today, enable: options.enable ?? [] });
  if (!project.ok) return project;
  const { diagnostics, files, configSource, compiled } = project.value;
  return { ok: true, value: { diagnostics, files, config: configSource, edition: compiled.edition } };
}

/** `Working Together 2026`, or `Working Together 2023 and 2026` when projects differ. */
function describeEditions(editions: ReadonlySet<EditionCode>): string | undefined {
  if (editions.size === 0) return undefined;
  const years = [...editions].map((e) => EDITIONS[e].year).sort();
  return `Working Together ${years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`}`;
}
