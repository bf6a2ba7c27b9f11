import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findIncludes, type IncludeRef, type SourceFile } from '../index.js';
import { errorCode, reason } from './io-errors.js';

/**
 * Reading projects from disk: the only place the compiler meets the file system on the way in.
 * Everything here returns data; failures the user must fix before anything can be checked
 * come back as a `LoadFailure`, problems inside a project as diagnostics.
 */

export type LoadFailure =
  | { kind: 'missing'; path: string }
  | { kind: 'not-tor'; path: string }
  | { kind: 'no-tor-files'; path: string; ignored?: number }
  | { kind: 'unreadable'; path: string; reason: string };

export type Loaded<T> = { ok: true; value: T } | { ok: false; failure: LoadFailure };

export interface Project {
  /** In path order for a folder; for a single file, that file and then its includes as first reached. */
  files: SourceFile[];
  /** Problems with `include` lines. */
  diagnostics: Diagnostic[];
}

/** The one line the CLI prints for a failure (it adds the `tor: ` prefix). */
export function describeFailure(failure: LoadFailure): string {
  switch (failure.kind) {
    case 'missing':
      return `no such file or folder: ${failure.path}`;
    case 'not-tor':
      return `not a .tor file: ${failure.path}`;
    case 'no-tor-files':
      return `no .tor files in ${failure.path}${failure.ignored ? ` (${failure.ignored} skipped by \`ignore\` in tor.config.yaml)` : ''}`;
    case 'unreadable':
      return `cannot read ${failure.path}: ${failure.reason}`;
  }
}

/** Folders never searched for sources: build output, dependencies, and dot-folders such as `.git`. */
const SKIPPED_FOLDERS = new Set(['dist', 'node_modules']);

export interface LoadOptions {
  /**
   * Files to skip when walking a folder, by path relative to it (`/`-separated). A file named
   * on the command line or reached by `include` is read all the same: it was asked for.
   */
  ignore?: (relativePath: string) => boolean;
}

/**
 * Loads a project: a folder (every `.tor` file below it) or one `.tor` file plus the files
 * it includes. Includes are followed in both cases, so a folder gets the same include
 * diagnostics as its root file would.
 */
export async function loadProject(path: string, cwd: string = process.cwd(), options: LoadOptions = {}): Promise<Loaded<Project>> {
  const target = await inspect(path, cwd);
  if (!target.ok) return target;
  const { absolute, isFolder } = target.value;
  const starts = await torFilesOf(target.value, path, cwd, options.ignore);
  if (!starts.ok) return starts;
  const loader = new IncludeFollower(isFolder ? absolute : dirname(absolute), cwd);
  // Read every file at once, then follow includes in path order: waiting on each read in turn left the CPU idle.
  const texts = await Promise.all(starts.value.map((file) => readText(file)));
  for (let k = 0; k < starts.value.length; k++) {
    const failure = await loader.start(starts.value[k]!, texts[k]!);
    if (failure) return failed(failure);
  }
  const files = [...loader.files.values()];
  if (isFolder) files.sort((a, b) => compareCodePoints(a.path, b.path));
  return { ok: true, value: { files, diagnostics: loader.diagnostics } };
}

/**
 * The `.tor` files a path names, each read but not followed into its includes
 * (for `tor fmt`, which works file by file).
 */
export async function loadFiles(path: string, cwd: string = process.cwd()): Promise<Loaded<SourceFile[]>> {
  const target = await inspect(path, cwd);
  if (!target.ok) return target;
  const paths = await torFilesOf(target.value, path, cwd);
  if (!paths.ok) return paths;
  const files: SourceFile[] = [];
  for (const file of paths.value) {
    const shown = displayPath(file, cwd);
    const text = await readText(file);
    if (typeof text !== 'string') return failed({ kind: 'unreadable', path: shown, reason: text.reason });
    files.push({ path: shown, text });
  }
  return { ok: true, value: files };
}

/** The project root a path names: the folder itself, or the folder of a file. Undefined if the path does not exist. */
export async function projectRoot(path: string, cwd: string = process.cwd()): Promise<string | undefined> {
  const absolute = resolve(cwd, path);
  try {
    return (await stat(absolute)).isDirectory() ? absolute : dirname(absolute);
  } catch {
    return undefined;
  }
}

/** How a path is shown to the user: relative to the working directory, with `/` separators. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

interface Target {
  absolute: string;
  isFolder: boolean;
}

async function inspect(path: string, cwd: string): Promise<Loaded<Target>> {
  const absolute = resolve(cwd, path);
  let isFolder: boolean;
  try {
    isFolder = (await stat(absolute)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return failed({ kind: 'missing', path });
    return failed({ kind: 'unreadable', path, reason: reason(error) });
  }
  if (!isFolder && !isTorPath(absolute)) return failed({ kind: 'not-tor', path });
  return { ok: true, value: { absolute, isFolder } };
}

/** Follows `include` lines depth first, reading each file once and reporting bad includes. */
class IncludeFollower {
  /** Keyed by absolute path; insertion order is the order files were first reached. */
  readonly files = new Map<string, SourceFile>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly root: string,
    private readonly cwd: string,
  ) {}

  /** Reads a file the user named (directly or by naming its folder); only these can fail the load. */
  async start(absolute: string, text: Awaited<ReturnType<typeof readText>>): Promise<LoadFailure | undefined> {
    if (this.files.has(absolute)) return undefined;
    if (typeof text !== 'string') return { kind: 'unreadable', path: displayPath(absolute, this.cwd), reason: text.reason };
    await this.add(absolute, text, []);
    return undefined;
  }

  /** `stack` holds the files whose includes are being followed, to tell a cycle from a file included twice. */
  private async add(absolute: string, text: string, stack: readonly string[]): Promise<void> {
    const file = { path: displayPath(absolute, this.cwd), text };
    this.files.set(absolute, file);
    for (const include of findIncludes(file)) await this.follow(absolute, include, [...stack, absolute]);
  }

  private async follow(from: string, include: IncludeRef, stack: readonly string[]): Promise<void> {
    const report = (code: string, message: string, hint?: string) => {
      this.diagnostics.push(diagnostic(code, 'error', include.span, message, hint));
    };
    const target = resolve(dirname(from), include.path);

    if (!isInside(target, this.root)) {
      const root = displayPath(this.root, this.cwd);
      return report(
        'load/include-outside-project',
        `\`include ${include.path}\` leaves the project folder.`,
        `A project is one folder; move the file into ${root === '.' ? 'the current folder' : root}.`,
      );
    }
    if (!isTorPath(target)) {
      return report('load/include-not-tor', `\`include ${include.path}\` does not name a .tor file.`);
    }
    const cycleStart = stack.indexOf(target);
    if (cycleStart >= 0) {
      const cycle = [...stack.slice(cycleStart), target].map((p) => displayPath(p, this.cwd)).join(' → ');
      return report('load/include-cycle', `This include makes a cycle: ${cycle}.`, 'Remove one of the includes in the cycle.');
    }
    if (this.files.has(target)) return;

    const text = await readText(target);
    if (typeof text === 'string') return this.add(target, text, stack);
    if (text.code === 'ENOENT' || text.code === 'ENOTDIR') {
      return report(
        'load/missing-include',
        `\`include ${include.path}\`: there is no such file.`,
        `Paths are relative to the including file; looked for ${displayPath(target, this.cwd)}.`,
      );
    }
    return report('load/unreadable-include', `\`include ${include.path}\`: the file cannot be read (${text.reason}).`);
  }
}

/** The target itself, or every `.tor` file below the folder that is not ignored; `path` is as the user wrote it. */
async function torFilesOf(target: Target, path: string, cwd: string, ignore?: (relativePath: string) => boolean): Promise<Loaded<string[]>> {
  if (!target.isFolder) return { ok: true, value: [target.absolute] };
  try {
    const all = await findTorFiles(target.absolute);
    const found = ignore ? all.filter((file) => !ignore(relative(target.absolute, file).split(sep).join('/'))) : all;
    if (found.length === 0) return failed(all.length > 0 ? { kind: 'no-tor-files', path, ignored: all.length } : { kind: 'no-tor-files', path });
    return { ok: true, value: found };
  } catch (error) {
    const where = error instanceof Error && 'path' in error && typeof error.path === 'string' ? displayPath(error.path, cwd) : path;
    return failed({ kind: 'unreadable', path: where, reason: reason(error) });
  }
}

/** Every `.tor` file below `folder`, as absolute paths in code-point order of their relative paths. */
async function findTorFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await walk(full);
      } else if (isTorPath(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full))))) {
        // Symlinked files are read; symlinked folders are not followed, so a link loop cannot hang the walk.
        found.push(full);
      }
    }
  }
  await walk(folder);
  return found.sort((a, b) => compareCodePoints(relative(folder, a), relative(folder, b)));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

type ReadError = { code: string | undefined; reason: string };

async function readText(path: string): Promise<string | ReadError> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    return { code: errorCode(error), reason: reason(error) };
  }
}

function isTorPath(path: string): boolean {
  return path.endsWith('.tor');
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel.split(sep)[0] !== '..' && !isAbsolute(rel);
}

/** Locale-independent, so the order is the same on every machine. */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function failed(failure: LoadFailure): { ok: false; failure: LoadFailure } {
  return { ok: false, failure };
}



