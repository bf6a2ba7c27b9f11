import type { Config } from '../config/config.js';
import { emptyConfig } from '../config/config.js';
import { ignoreMatcher } from '../config/glob.js';
import { compile, type CompileResult, type Diagnostic, type SourceFile } from '../index.js';
import { catalogue } from '../rules/catalogue.js';
import { ACT_FLAGS, type ActFlag, type CivilDate, type EditionCode } from '../rules/rule.js';
import { resolve } from 'node:path';
import { readProjectConfig } from './config-file.js';
import { type Loaded, loadProject, projectRoot } from './load.js';

/** A project read from disk with its configuration, and compiled: what check and build share. */
export interface CompiledProject extends ProjectSources {
  /** Problems in the configuration and includes, then the compiler's. */
  diagnostics: Diagnostic[];
  compiled: CompileResult;
}

/** What every read project has: where it is, its files and its configuration. */
interface ProjectSources {
  /** The project folder (a folder given, or the folder of a file given). */
  root: string | undefined;
  files: SourceFile[];
  config: Config;
  /** The tor.config.yaml, when there is one, for code frames. */
  configSource: SourceFile | undefined;
}

export interface ProjectOptions {
  /** Overrides `edition:` in tor.config.yaml and the partnership's declaration. */
  edition?: EditionCode;
  today: CivilDate;
  /** Duties treated as commenced, besides `commenced:` in tor.config.yaml. */
  enable?: readonly ActFlag[];
}

/** A project read from disk with its configuration, not yet compiled. */
export interface ReadProject extends ProjectSources {
  /** Problems in tor.config.yaml. */
  configProblems: Diagnostic[];
  /** Problems with include lines and files outside the project. */
  includeProblems: Diagnostic[];
}

/** Reads tor.config.yaml at the project's root, then the sources as it says (`ignore`, `include-from`). */
export async function readProject(path: string, cwd: string = process.cwd()): Promise<Loaded<ReadProject>> {
  const root = await projectRoot(path, cwd);
  // A path that does not exist has no configuration; loadProject says what is wrong with it.
  const read = root === undefined ? { ok: true as const, value: { config: emptyConfig(), diagnostics: [], source: undefined } } : await readProjectConfig(root, catalogue.map((r) => r.meta.id), cwd);
  if (!read.ok) return read;
  const { config, diagnostics: configProblems, source } = read.value;
  const allowedOutside = root === undefined ? [] : (config.includeFrom ?? []).map((folder) => resolve(root, folder));
  const loaded = await loadProject(path, cwd, { ignore: ignoreMatcher(config.ignore), allowedOutside });
  if (!loaded.ok) return loaded;
  const { files, diagnostics: includeProblems } = loaded.value;
  return { ok: true, value: { root, files, config, configSource: source, configProblems, includeProblems } };
}

export async function compileProject(path: string, options: ProjectOptions, cwd: string = process.cwd()): Promise<Loaded<CompiledProject>> {
  const read = await readProject(path, cwd);
  if (!read.ok) return read;
  return { ok: true, value: compileSources(read.value, options) };
}

export function compileSources(read: ReadProject, options: ProjectOptions): CompiledProject {
  const { root, config, files, configSource, configProblems, includeProblems } = read;
  const commenced = ACT_FLAGS.filter((f) => config.commenced.includes(f) || (options.enable ?? []).includes(f));
  const compiled = compile(files, { validate: { edition: options.edition ?? config.edition, today: options.today, commenced, severities: config.severities } });
  return { root, files, config, configSource, diagnostics: [...configProblems, ...includeProblems, ...compiled.diagnostics], compiled };
}
