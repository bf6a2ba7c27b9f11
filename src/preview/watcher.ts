import { createHash } from 'node:crypto';
import { type FSWatcher, watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Watches a project folder and says when its inputs have changed. fs.watch reports events,
 * not changes: an editor's save is several events (a temporary file, a rename, a write), and
 * touching a file or writing a swap file changes nothing that is built. So every burst of
 * events is left to settle, then the inputs are read again and compared with what they were
 * by content; only a real difference is reported. Reading them all again, rather than only
 * the file named by the event, also covers files created, deleted or renamed, whole folders
 * renamed, and events that name no file.
 */

export interface WatchOptions {
  /** The folder to watch, recursively. */
  root: string;
  /** Whether a file (by `/`-separated path relative to the root) is read by the build. */
  isInput(relativePath: string): boolean;
  /** Called once per settled burst whose inputs differ from the last ones seen. */
  onChange(): void;
  /** The watcher failed (e.g. the folder was removed); it keeps no promise to report more. */
  onError(error: Error): void;
  /** How long the events must pause before the inputs are read. */
  settleMs?: number;
}

export interface SourceWatcher {
  close(): void;
}

/** Editors write a file in a few steps within a few milliseconds; the build takes longer than this wait. */
const SETTLE_MS = 20;

/** Folders no build reads: its output, dependencies, and dot-folders such as `.git` (as tor's loader skips them). */
const SKIPPED_FOLDERS = new Set(['dist', 'node_modules']);

export async function watchSources(options: WatchOptions): Promise<SourceWatcher> {
  let known = await snapshot(options.root, options.isInput);
  let timer: NodeJS.Timeout | undefined;
  let reading = false;
  let again = false;
  let closed = false;

  const compare = async (): Promise<void> => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      const now = await snapshot(options.root, options.isInput);
      if (!closed && !sameSnapshot(known, now)) {
        known = now;
        options.onChange();
      }
    } catch (error) {
      if (!closed) options.onError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      reading = false;
      if (again && !closed) {
        again = false;
        void compare();
      }
    }
  };

  const settle = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void compare(), options.settleMs ?? SETTLE_MS);
  };

  const watcher: FSWatcher = watch(options.root, { recursive: true }, (_event, filename) => {
    if (filename === null || !inSkippedFolder(filename.toString())) settle();
  });
  watcher.on('error', (error) => {
    if (!closed) options.onError(error);
  });

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}

function inSkippedFolder(filename: string): boolean {
  const folders = filename.split(/[\\/]/).slice(0, -1);
  return folders.some((folder) => SKIPPED_FOLDERS.has(folder) || folder.startsWith('.'));
}

/** Every input below `root`, by relative path, with a hash of its content. */
async function snapshot(root: string, isInput: (relativePath: string) => boolean): Promise<Map<string, string>> {
  const paths: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      // A folder removed while it is read: its files are simply gone from the snapshot.
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walk(full);
        } else if (isInput(relative(root, full).split(sep).join('/'))) {
          paths.push(full);
        }
      }),
    );
  };
  await walk(root);
  const hashes = await Promise.all(paths.map((path) => contentHash(path)));
  return new Map(paths.map((path, k) => [relative(root, path).split(sep).join('/'), hashes[k]!]));
}

/** A file deleted between listing and reading counts as absent: the next snapshot will agree. */
async function contentHash(path: string): Promise<string> {
  try {
    return createHash('sha1').update(await readFile(path)).digest('hex');
  } catch {
    return 'unreadable';
  }
}

function sameSnapshot(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, hash] of a) if (b.get(path) !== hash) return false;
  return true;
}
