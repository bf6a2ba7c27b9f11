import { createHash, randomBytes } from 'node:crypto';
import { chmod, link, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { bundleJson } from '../bundle/bundle.js';
import { hasErrors, type SourceFile } from '../index.js';
import type { Config } from '../config/config.js';
import type { StructureDiagram } from '../backends/diagram/index.js';
import type { Model } from '../model/model.js';
import type { EditionCode } from '../rules/rule.js';
import { describeFailure, displayPath, isInside } from './load.js';
import { compileProject } from './project.js';
import { todayFromClock } from './options.js';
import { complain, Exit, type ExitCode, printDiagnostics, useColor } from './output.js';
import { errorCode, reason } from './io-errors.js';
import { BUILD_FORMATS } from './options.js';

/**
 * `tor build`: compiles one project and writes its outputs. Each output format is a
 * `Backend` that turns the compiled project into files; the build collects every file
 * first, then writes them all into a temporary folder next to the output folder and renames
 * it into place, so a failed build leaves the previous output untouched. Sources with errors
 * build nothing unless `--force`.
 */

export interface BuildOptions {
  /** `--out`; `<path>/dist` (the folder of a single file) when absent. */
  out?: string;
  /** `--format`: the formats to write, in the order given. */
  format?: string[];
  force?: boolean;
  color?: boolean;
}

/** What every backend gets: the compiled project, and facts read at the edge. */
export interface BuildInput {
  model: Model;
  /** The project folder, which paths in tor.config.yaml are relative to. */
  root: string;
  config: Config;
  files: readonly SourceFile[];
  /** The edition the rules were applied for. */
  edition: EditionCode | undefined;
  /** `sha256:<hex>` of the sources (see hashSources). */
  sourceHash: string;
  /**
   * The structure diagram, laid out on the first call and shared by every backend after it:
   * the ELK layout is the slowest step of a build but the HTML and the PDF show the same one.
   */
  diagram(): Promise<StructureDiagram>;
}

/** A file to write, by path relative to the output folder (with `/`). */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

export interface Backend {
  format: string;
  /** Throws only for a bug in tor; problems in the sources are diagnostics, found before. */
  render(input: BuildInput): Promise<OutputFile[]>;
}

const bundleBackend: Backend = {
  format: 'bundle',
  async render(input) {
    const text = bundleJson(input.model, { compilerVersion: pkg.version, sourceHash: input.sourceHash, edition: input.edition });
    await assertValidBundle(JSON.parse(text) as unknown);
    return [{ path: `${input.model.partnership.id}.bundle.json`, content: text }];
  },
};

/** One PDF per published document; pdfkit and the document builder load only when asked for. */
const pdfBackend: Backend = {
  format: 'pdf',
  async render(input) {
    const [{ renderPdfs }, diagram] = await Promise.all([import('../backends/pdf/backend.js'), input.diagram()]);
    return renderPdfs(input.model, { diagram });
  },
};

/** The pages: templates and branding from tor.config.yaml; the backend loads only when asked for. */
const htmlBackend: Backend = {
  format: 'html',
  async render(input) {
    const [{ htmlFiles }, diagram] = await Promise.all([import('../backends/html/build.js'), input.diagram()]);
    return htmlFiles(input, { diagram });
  },
};

/** The meetings and deadlines of every dated group, as one iCalendar file beside the pages. */
const icsBackend: Backend = {
  format: 'ics',
  async render(input) {
    const [{ publishedCalendar }, { sourceDate }] = await Promise.all([import('../backends/calendar/calendar.js'), import('../backends/pdf/backend.js')]);
    const { ics, notes } = publishedCalendar(input.model, input.config.closures ?? [], sourceDate(process.env));
    for (const note of notes) complain(`note: ${note}`);
    return ics === undefined ? [] : [{ path: `${input.model.partnership.id}.ics`, content: ics }];
  },
};

/** Output formats in the order they are written. */
const BACKENDS: readonly Backend[] = [htmlBackend, pdfBackend, bundleBackend, icsBackend];
/** A bundle that does not match its schema is a bug in tor: main.ts reports it as an internal error, exit 2. */
export async function assertValidBundle(bundle: unknown): Promise<void> {
  // Generated ahead of time (npm run schema:validators), so no build compiles the schema; loaded
  // only when a bundle is built, as the other formats have no use for its size.
  const { bundleSchemaErrors } = await import('../bundle/validate.js');
  const errors = bundleSchemaErrors(bundle);
  if (errors !== undefined) throw new Error(`the bundle does not match its schema: ${errors}`);
}

export async function build(path: string, options: BuildOptions): Promise<ExitCode> {
  const cwd = process.cwd();
  const project = await compileProject(path, { today: todayFromClock() }, cwd);
  if (!project.ok || project.value.root === undefined) {
    complain(project.ok ? `no such file or folder: ${path}` : describeFailure(project.failure));
    return Exit.Usage;
  }
  const { root, files, config, configSource, diagnostics, compiled } = project.value;
  const sources = new Map([...(configSource ? [configSource] : []), ...files].map((f) => [f.path, f.text]));
  printDiagnostics(diagnostics, sources, { format: 'stylish', color: useColor(options.color, process.stderr), stream: process.stderr });

  const out = resolve(cwd, options.out ?? join(root, 'dist'));
  const overSources = sourcesUnder(out, root, files, cwd);
  if (overSources !== undefined) {
    complain(`cannot write ${displayPath(out, cwd)}: it holds the sources (${overSources}), which a build would replace; choose an --out outside them`);
    return Exit.Usage;
  }

  const errors = hasErrors(diagnostics);
  if (errors && !options.force) {
    complain('nothing written: fix the errors above, or build anyway with --force');
    return Exit.Problems;
  }
  if (!compiled.model) {
    complain('nothing written: the sources could not be read as a partnership');
    return Exit.Problems;
  }

  const formats: readonly string[] = options.format ?? BUILD_FORMATS;
  const model = compiled.model;
  let diagram: Promise<StructureDiagram> | undefined;
  const input: BuildInput = {
    model,
    root,
    config,
    files,
    edition: compiled.edition,
    sourceHash: hashSources(files, root, cwd),
    // Laid out when the first backend asks for it, once.
    diagram: () => (diagram ??= import('../backends/diagram/index.js').then(({ structureDiagram }) => structureDiagram(model))),
  };
  const outputs: OutputFile[] = [];
  try {
    for (const backend of BACKENDS) if (formats.includes(backend.format)) outputs.push(...(await backend.render(input)));
  } catch (error) {
    // A problem in the project's templates or branding (not a bug in tor): say it, write nothing.
    if (error instanceof Error && error.name === 'BuildProblem') {
      complain(`nothing written: ${error.message}`);
      return Exit.Problems;
    }
    throw error;
  }

  const failure = await writeFolder(out, outputs);
  if (failure !== undefined) {
    complain(`cannot write ${displayPath(out, cwd)}: ${failure}`);
    return Exit.Usage;
  }
  for (const file of outputs) process.stdout.write(`${displayPath(join(out, file.path), cwd)}\n`);
  return errors ? Exit.Problems : Exit.Ok;
}

/**
 * `sha256:<hex>` over the sources in path order: for each file its path relative to the
 * project root, NUL, its length in bytes, NUL, and its UTF-8 bytes. Relative paths keep the
 * hash the same from any working directory; the lengths keep file boundaries unambiguous.
 */
export function hashSources(files: readonly SourceFile[], root: string, cwd: string = process.cwd()): string {
  const entries = files.map((f) => ({ path: relative(root, resolve(cwd, f.path)).split(sep).join('/'), bytes: Buffer.from(f.text, 'utf8') }));
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const e of entries) {
    hash.update(`${e.path}\0${e.bytes.length}\0`);
    hash.update(e.bytes);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** The first source file (or the project folder) inside `out`, which replacing `out` would delete. */
function sourcesUnder(out: string, root: string, files: readonly SourceFile[], cwd: string): string | undefined {
  const within = (path: string) => path === out || isInside(path, out);
  if (within(root)) return displayPath(root, cwd);
  const inside = files.map((f) => resolve(cwd, f.path)).find(within);
  return inside === undefined ? undefined : displayPath(inside, cwd);
}

/** Marks a folder as tor's output, which the next build may replace whole. */
export const MARKER = '.tor-build';
const MARKER_TEXT = 'Written by `tor build`, which replaces this folder on every build: keep nothing else here.\n';

/**
 * Writes `files` as the whole content of the folder `out`: into a temporary folder beside it,
 * then renamed into place. An existing `out` is replaced only if it is empty or a previous
 * build's (it has the marker file), so `--out` can never wipe a folder of other files.
 * Returns why it could not, in a few words, or undefined on success.
 */
export async function writeFolder(out: string, files: readonly OutputFile[], io: WriteIo = NODE_IO): Promise<string | undefined> {
  const parent = dirname(out);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    return reason(error);
  }
  const lock = await takeLock(join(parent, `.${basename(out)}.lock`));
  if (typeof lock === 'string') return lock;
  try {
    return await replaceFolder(out, files, io);
  } finally {
    await lock.release();
  }
}

/** The one write a build makes per file; a test puts a failing one in its place to play a full disk. */
export interface WriteIo {
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
}
const NODE_IO: WriteIo = { writeFile: (path, content) => writeFile(path, content) };

async function replaceFolder(out: string, files: readonly OutputFile[], io: WriteIo): Promise<string | undefined> {
  const parent = dirname(out);
  const existing = await inspectOut(out);
  if (typeof existing === 'string') return existing;
  let temp: string;
  try {
    temp = await mkdtemp(join(parent, `.${basename(out)}.tmp-`));
  } catch (error) {
    return reason(error);
  }
  try {
    // mkdtemp makes a private folder; the output is for publishing.
    await chmod(temp, 0o755);
    const writes = [...files.map((file) => ({ target: join(temp, ...file.path.split('/')), content: file.content })), { target: join(temp, MARKER), content: MARKER_TEXT }];
    for (const folder of new Set(writes.map((w) => dirname(w.target)))) if (folder !== temp) await mkdir(folder, { recursive: true });
    await writeAll(writes, io);
    if (existing.exists) {
      const old = `${temp}.old-${randomBytes(4).toString('hex')}`;
      await rename(out, old);
      try {
        await rename(temp, out);
      } catch (error) {
        await rename(old, out);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, out);
    }
    return undefined;
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    return reason(error);
  }
}

/**
 * Writes the files a few at a time rather than one after another: a build writes dozens of
 * small files, and waiting for each before starting the next costs more than writing them.
 * Every write has ended, or failed, when this returns; the first failure is thrown.
 */
async function writeAll(writes: ReadonlyArray<{ target: string; content: string | Uint8Array }>, io: WriteIo, width = 16): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < writes.length) {
      const { target, content } = writes[next++]!;
      try {
        await io.writeFile(target, content);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, writes.length) }, worker));
  if (failure) throw failure.error;
}

/** How long a build waits for another writing the same folder before giving up. */
const LOCK_WAIT_MS = 60_000;
const LOCK_POLL_MS = 100;

/**
 * One build at a time per output folder: two builds renaming folders over each other at once
 * could each move the other's output away. The lock file beside the folder holds the
 * builder's process id, so a lock left by a build that died is recognised and taken over.
 */
async function takeLock(path: string, waitMs = LOCK_WAIT_MS): Promise<{ release(): Promise<void> } | string> {
  const deadline = Date.now() + waitMs;
  // Written whole under a name of its own, then linked into place: link fails if the lock
  // exists, and a reader never sees a lock file without its process id.
  const mine = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(mine, `${process.pid}\n`);
  } catch (error) {
    return reason(error);
  }
  for (;;) {
    try {
      await link(mine, path);
      await unlink(mine);
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') {
        await unlink(mine).catch(() => undefined);
        return reason(error);
      }
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (!isRunning(holder)) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) {
      await unlink(mine).catch(() => undefined);
      return `another tor build (process ${holder}) is still writing it after ${waitMs / 1000} s; try again when it has finished`;
    }
    await new Promise((done) => setTimeout(done, LOCK_POLL_MS));
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

async function inspectOut(out: string): Promise<{ exists: boolean } | string> {
  let entries: string[];
  try {
    if (!(await stat(out)).isDirectory()) return 'it is a file, not a folder';
    entries = await readdir(out);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { exists: false };
    return reason(error);
  }
  if (entries.length > 0 && !entries.includes(MARKER)) return `the folder is not empty and was not written by tor build (it has no ${MARKER} file); choose another --out`;
  return { exists: true };
}



