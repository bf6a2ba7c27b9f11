import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Diagnostic, formatSource, type SourceFile } from '../index.js';
import { describeFailure, loadFiles } from './load.js';
import { complain, Exit, type ExitCode, printDiagnostics, useColor } from './output.js';

export interface FmtOptions {
  /** List the files whose text would change. */
  check?: boolean;
  /** Rewrite the files whose text would change. */
  write?: boolean;
  color?: boolean;
}

/**
 * `tor fmt`: prints one file formatted, or with `--check` / `--write` works over many.
 * Formatted text and file lists go to stdout, diagnostics to stderr. A file that does
 * not parse is never written.
 */
export async function fmt(paths: readonly string[], options: FmtOptions): Promise<ExitCode> {
  const files = await loadAll(paths);
  if (files === undefined) return Exit.Usage;
  if (!options.check && !options.write) return printOne(files, options);

  let problems = false;
  for (const file of files) {
    const { text, diagnostics } = formatSource(file);
    if (text === undefined) {
      report(file, diagnostics, options);
      problems = true;
    } else if (text !== file.text) {
      if (options.write) {
        const failure = await writeAtomically(file.path, text);
        if (failure !== undefined) {
          complain(`cannot write ${file.path}: ${failure}`);
          return Exit.Usage;
        }
      } else {
        problems = true;
      }
      process.stdout.write(`${file.path}\n`);
    }
  }
  return problems ? Exit.Problems : Exit.Ok;
}

/** Every file the paths name, or undefined (after saying why) if any path cannot be read. */
async function loadAll(paths: readonly string[]): Promise<SourceFile[] | undefined> {
  const files: SourceFile[] = [];
  for (const path of paths) {
    const loaded = await loadFiles(path);
    if (!loaded.ok) {
      complain(describeFailure(loaded.failure));
      return undefined;
    }
    files.push(...loaded.value);
  }
  return files;
}

function printOne(files: readonly SourceFile[], options: FmtOptions): ExitCode {
  const [file] = files;
  if (file === undefined || files.length > 1) {
    complain('fmt prints one file; to format several, add --check or --write');
    return Exit.Usage;
  }
  const { text, diagnostics } = formatSource(file);
  if (text === undefined) {
    report(file, diagnostics, options);
    return Exit.Problems;
  }
  process.stdout.write(text);
  return Exit.Ok;
}

function report(file: SourceFile, diagnostics: readonly Diagnostic[], options: FmtOptions): void {
  printDiagnostics(diagnostics, new Map([[file.path, file.text]]), {
    format: 'stylish',
    color: useColor(options.color, process.stderr),
    stream: process.stderr,
  });
}

/**
 * Writes a sibling temporary file and renames it over the original, so a crash or full
 * disk never leaves a half-written source. Keeps the original's permissions.
 * Returns why it failed, or undefined.
 */
async function writeAtomically(path: string, text: string): Promise<string | undefined> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const { mode } = await stat(path);
    await writeFile(temp, text, { flag: 'wx' });
    await chmod(temp, mode);
    await rename(temp, path);
    return undefined;
  } catch (error) {
    await rm(temp, { force: true });
    return error instanceof Error ? error.message : String(error);
  }
}
