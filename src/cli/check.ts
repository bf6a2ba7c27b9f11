import { emptyConfig } from '../config/config.js';
import { ignoreMatcher } from '../config/glob.js';
import { compile, type Diagnostic, hasErrors, type SourceFile } from '../index.js';
import { catalogue } from '../rules/catalogue.js';
import { ACT_FLAGS, EDITIONS, editionOfYear, type ActFlag, type CivilDate, type EditionCode } from '../rules/rule.js';
import { readProjectConfig } from './config-file.js';
import { describeFailure, type Loaded, loadProject, projectRoot } from './load.js';
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
  for (const path of paths) {
    const checked = await checkProject(path, options, today);
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
  const ruleIds = catalogue.map((r) => r.meta.id);
  const root = await projectRoot(path);
  // A path that does not exist has no configuration; loadProject says what is wrong with it.
  const read = root === undefined ? { ok: true as const, value: { config: emptyConfig(), diagnostics: [] } } : await readProjectConfig(root, ruleIds);
  if (!read.ok) return read;
  const { config, diagnostics: configProblems, source } = read.value;

  const loaded = await loadProject(path, undefined, { ignore: ignoreMatcher(config.ignore) });
  if (!loaded.ok) return loaded;
  const { files, diagnostics: includeProblems } = loaded.value;

  const edition = options.edition === undefined ? config.edition : editionOfYear(Number(options.edition));
  const commenced = ACT_FLAGS.filter((f) => config.commenced.includes(f) || (options.enable ?? []).includes(f));
  const compiled = compile(files, { validate: { edition, today, commenced, severities: config.severities } });
  return {
    ok: true,
    value: {
      diagnostics: [...configProblems, ...includeProblems, ...compiled.diagnostics],
      files,
      config: source,
      edition: compiled.edition,
    },
  };
}

/** `Working Together 2026`, or `Working Together 2023 and 2026` when projects differ. */
function describeEditions(editions: ReadonlySet<EditionCode>): string | undefined {
  if (editions.size === 0) return undefined;
  const years = [...editions].map((e) => EDITIONS[e].year).sort();
  return `Working Together ${years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} and ${years.at(-1)}`}`;
}
