import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
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
  | { kind: 'unreadable'; path: string; reason: string }
  | { kind: 'too-large'; path: string; bytes: number };

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
    case 'too-large':
      return `${failure.path} is ${megabytes(failure.bytes)}: ${TOO_LARGE}`;
  }
}

/**
 * Source files are read whole, and a partnership's sources come to well under a megabyte;
 * a file ten times larger than any real one is a mistake (a log, an export), not a partnership.
 */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = `tor reads .tor files of at most ${megabytes(MAX_SOURCE_BYTES)}. Is it the right file? Split a large partnership into several files with \`include\`.`;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Folders never searched for sources: build output, dependencies, and dot-folders such as `.git`. */
const SKIPPED_FOLDERS = new Set(['dist', 'node_modules']);

export interface LoadOptions {
  /**
   * Files to skip when walking a folder, by path relative to it (`/`-separated). A file named
   * on the command line or reached by `include` is read all the same: it was asked for.
   */
  ignore?: (relativePath: string) => boolean;
  /**
   * Absolute folders outside the project from which files may be read (`include-from` in
   * tor.config.yaml). Anything else outside the project folder, by path or through a
   * symbolic link, is refused.
   */
  allowedOutside?: readonly string[];
}

/**
 * Loads a project: a folder (every `.tor` file below it) or one `.tor` file plus the files
 * it includes. Includes are followed in both cases, so a folder gets the same include
 * diagnostics as its root file would.
 */
export async function loadProject(path: string, cwd: string = process.cwd(), options: LoadOptions = {}): Promise<Loaded<Project>> {
  const target = inspect(path, cwd);
  if (!target.ok) return target;
  const { absolute, isFolder } = target.value;
  const starts = await torFilesOf(target.value, path, cwd, options.ignore);
  if (!starts.ok) return starts;
  const loader = new IncludeFollower(isFolder ? absolute : dirname(absolute), cwd, options.allowedOutside ?? []);
  // A file named on the command line was asked for wherever it lives; files found in a folder are checked.
  const { files: found, links } = starts.value;
  const [outside, inside] = isFolder ? loader.partitionOutside(found, links) : [[], found];
  for (const link of outside) loader.refuseLink(link);
  for (const file of inside) {
    const failure = loader.start(file);
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
  const target = inspect(path, cwd);
  if (!target.ok) return target;
  const paths = await torFilesOf(target.value, path, cwd);
  if (!paths.ok) return paths;
  const files: SourceFile[] = [];
  for (const file of paths.value.files) {
    const shown = displayPath(file, cwd);
    const text = readText(file);
    if (typeof text !== 'string') return failed(readFailure(shown, text));
    files.push({ path: shown, text });
  }
  return { ok: true, value: files };
}

/** The project root a path names: the folder itself, or the folder of a file. Undefined if the path does not exist. */
export async function projectRoot(path: string, cwd: string = process.cwd()): Promise<string | undefined> {
  const absolute = resolve(cwd, path);
  try {
    const info = statSync(absolute, { throwIfNoEntry: false });
    return info === undefined ? undefined : info.isDirectory() ? absolute : dirname(absolute);
  } catch {
    return undefined;
  }
}

/** Where a path really is, links followed; undefined when it cannot be found. */
function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
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

function inspect(path: string, cwd: string): Loaded<Target> {
  const absolute = resolve(cwd, path);
  let isFolder: boolean;
  try {
    isFolder = statSync(absolute).isDirectory();
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

  /** The project folder and the allowed folders outside it. */
  private readonly folders: readonly string[];
  /** The same, with symbolic links resolved. */
  private readonly realFolders: readonly string[];

  constructor(
    private readonly root: string,
    private readonly cwd: string,
    allowedOutside: readonly string[],
  ) {
    this.folders = [root, ...allowedOutside];
    this.realFolders = this.folders.map((folder) => realPath(folder) ?? folder);
  }

  /**
   * Splits files found in the folder into those whose real place is outside every allowed folder,
   * and the rest. The walk follows no symbolic link to a folder, so only the files that are links
   * themselves can lead outside: only those are looked up.
   */
  partitionOutside(files: readonly string[], links: ReadonlySet<string>): [string[], string[]] {
    const outside = new Set([...links].filter((link) => !isInsideAny(realPath(link) ?? link, this.realFolders)));
    return [files.filter((f) => outside.has(f)), files.filter((f) => !outside.has(f))];
  }

  /** A symbolic link in the project to a file outside it: not read, and said so at the link. */
  refuseLink(link: string): void {
    const path = displayPath(link, this.cwd);
    const at = { line: 1, column: 1, offset: 0 };
    this.diagnostics.push({
      code: 'load/outside-project',
      severity: 'error',
      message: `${path} is a symbolic link to a file outside the project folder, so it was not read.`,
      hint: OUTSIDE_HINT,
      file: path,
      start: at,
      end: at,
    });
  }

  /** Reads a file the user named (directly or by naming its folder); only these can fail the load. */
  start(absolute: string): LoadFailure | undefined {
    if (this.files.has(absolute)) return undefined;
    const text = readText(absolute);
    if (typeof text !== 'string') return readFailure(displayPath(absolute, this.cwd), text);
    this.add(absolute, text, []);
    return undefined;
  }

  /** `stack` holds the files whose includes are being followed, to tell a cycle from a file included twice. */
  private add(absolute: string, text: string, stack: readonly string[]): void {
    const file = { path: displayPath(absolute, this.cwd), text };
    this.files.set(absolute, file);
    for (const include of findIncludes(file)) this.follow(absolute, include, [...stack, absolute]);
  }

  private follow(from: string, include: IncludeRef, stack: readonly string[]): void {
    const report = (code: string, message: string, hint?: string) => {
      this.diagnostics.push(diagnostic(code, 'error', include.span, message, hint));
    };
    const target = resolve(dirname(from), include.path);

    if (!isInsideAny(target, this.folders)) {
      const root = displayPath(this.root, this.cwd);
      return report(
        'load/include-outside-project',
        `\`include ${include.path}\` leaves the project folder.`,
        `A project is one folder: move the file into ${root === '.' ? 'the current folder' : root}, or allow its folder with \`include-from:\` in tor.config.yaml.`,
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

    const real = realPath(target);
    if (real !== undefined && !isInsideAny(real, this.realFolders)) {
      return report('load/outside-project', `\`include ${include.path}\` reaches a file outside the project folder through a symbolic link.`, OUTSIDE_HINT);
    }
    const text = readText(target);
    if (typeof text === 'string') return this.add(target, text, stack);
    if (text.code === 'ENOENT' || text.code === 'ENOTDIR') {
      return report(
        'load/missing-include',
        `\`include ${include.path}\`: there is no such file.`,
        `Paths are relative to the including file; looked for ${displayPath(target, this.cwd)}.`,
      );
    }
    if (text.bytes !== undefined) return report('load/file-too-large', `\`include ${include.path}\`: the file is ${megabytes(text.bytes)}.`, TOO_LARGE);
    return report('load/unreadable-include', `\`include ${include.path}\`: the file cannot be read (${text.reason}).`);
  }
}

/** The target itself, or every `.tor` file below the folder that is not ignored; `path` is as the user wrote it. */
async function torFilesOf(target: Target, path: string, cwd: string, ignore?: (relativePath: string) => boolean): Promise<Loaded<FoundFiles>> {
  if (!target.isFolder) return { ok: true, value: { files: [target.absolute], links: new Set() } };
  try {
    const { files: all, links } = await findTorFiles(target.absolute);
    const found = ignore ? all.filter((file) => !ignore(relative(target.absolute, file).split(sep).join('/'))) : all;
    if (found.length === 0) return failed(all.length > 0 ? { kind: 'no-tor-files', path, ignored: all.length } : { kind: 'no-tor-files', path });
    return { ok: true, value: { files: found, links } };
  } catch (error) {
    const where = error instanceof Error && 'path' in error && typeof error.path === 'string' ? displayPath(error.path, cwd) : path;
    return failed({ kind: 'unreadable', path: where, reason: reason(error) });
  }
}

interface FoundFiles {
  /** Absolute paths, in code-point order of their paths relative to the folder. */
  files: string[];
  /** Those of them that are symbolic links. */
  links: Set<string>;
}

/** Every `.tor` file below `folder`. */
async function findTorFiles(folder: string): Promise<FoundFiles> {
  const found: string[] = [];
  const links = new Set<string>();
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await walk(full);
      } else if (isTorPath(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full))))) {
        // Symlinked files are read; symlinked folders are not followed, so a link loop cannot hang the walk.
        found.push(full);
        if (entry.isSymbolicLink()) links.add(full);
      }
    }
  }
  await walk(folder);
  return { files: found.sort((a, b) => compareCodePoints(relative(folder, a), relative(folder, b))), links };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const OUTSIDE_HINT = 'Copy the file into the project, or allow its folder with `include-from:` in tor.config.yaml.';

/** Why a file could not be read; `bytes` when it was too large to read. */
type ReadError = { code: string | undefined; reason: string; bytes?: number };

/**
 * Read synchronously: a source file is small, and a promise-based read spends more time opening,
 * measuring and closing it on the main thread than reading it (a quarter of a millisecond a file,
 * a tenth of the time of checking a region's sources).
 */
function readText(path: string): string | ReadError {
  try {
    // Looked at before opening: opening a pipe named like a source file would wait for a writer for ever.
    const info = statSync(path);
    if (!info.isFile()) return { code: info.isDirectory() ? 'EISDIR' : 'ENOTFILE', reason: info.isDirectory() ? 'it is a folder' : 'it is not a regular file' };
    if (info.size > MAX_SOURCE_BYTES) return { code: 'EFBIG', reason: TOO_LARGE, bytes: info.size };
    return decodeUtf8(readFileSync(path));
  } catch (error) {
    return { code: errorCode(error), reason: reason(error) };
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a file, or why it is not UTF-8. Decoding leniently would turn each bad byte into
 * U+FFFD, and `tor fmt --write` would then write those back: the author's text, damaged.
 */
function decodeUtf8(bytes: Uint8Array): string | ReadError {
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstBadByte(bytes);
    const { line, column } = lineAndColumn(bytes, at);
    const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    return { code: 'EILSEQ', reason: `it is not UTF-8 text (byte 0x${hex} at line ${line}, column ${column}); save it as UTF-8 and try again` };
  }
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length - 1;
}

/** The length of the well-formed UTF-8 sequence at `i`, or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const [length, low, high] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  if (bytes[i + 1]! < low || bytes[i + 1]! > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return 0;
  return length;
}

/** Line and column (in characters, counting each byte before `at` on its line) of a byte offset. */
function lineAndColumn(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters: continuation bytes are part of the character before them.
  let column = 1;
  for (let i = lineStart; i < at; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

function readFailure(path: string, error: ReadError): LoadFailure {
  return error.bytes !== undefined ? { kind: 'too-large', path, bytes: error.bytes } : { kind: 'unreadable', path, reason: error.reason };
}

function isTorPath(path: string): boolean {
  return path.endsWith('.tor');
}

/** Whether `path` is below `folder` (not the folder itself). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel.split(sep)[0] !== '..' && !isAbsolute(rel);
}

function isInsideAny(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => isInside(path, folder));
}

/** Locale-independent, so the order is the same on every machine. */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function failed(failure: LoadFailure): { ok: false; failure: LoadFailure } {
  return { ok: false, failure };
}



