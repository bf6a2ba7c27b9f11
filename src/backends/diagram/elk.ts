import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { ELK } from 'elkjs/lib/elk-api.js';

/**
 * ELK with V8's compiled code kept on disk. ELK is 1.6 MB of generated JavaScript: compiling
 * it, and the functions a layout runs, takes longer than the layout itself. The first run
 * on a machine saves V8's code cache (`vm.Script#createCachedData`) after its first layout;
 * later runs start from it. V8 checks that a cache was made by the same V8 from the same
 * source and flags, and ignores it otherwise; the file name also carries a hash of ELK's
 * source and the Node version, so an upgrade starts a new cache. A cache that cannot be
 * read or written only costs time: ELK is then compiled as usual.
 */
export interface LoadedElk {
  elk: ELK;
  /** Whether V8 started from a cache on disk. */
  fromCache: boolean;
  /** Saves the code compiled so far, unless it came from the cache; call after a layout. */
  saveCompiledCode(): void;
}

export interface ElkCacheOptions {
  /** Where the code cache lives; by default `node_modules/.cache/tor` beside elkjs. */
  cacheDir?: string;
}

const CACHE_PREFIX = 'elk-';
const CACHE_SUFFIX = '.v8';

export function loadElk(options: ElkCacheOptions = {}): LoadedElk {
  const require = createRequire(import.meta.url);
  const file = require.resolve('elkjs/lib/elk.bundled.js');
  const source = readFileSync(file, 'utf8');
  const cacheDir = options.cacheDir ?? join(dirname(dirname(dirname(file))), '.cache', 'tor');
  const cacheFile = join(cacheDir, `${CACHE_PREFIX}${sourceHash(source)}${CACHE_SUFFIX}`);
  const cachedData = readIfPresent(cacheFile);
  // The wrapper Node puts around a CommonJS module, so ELK sees the module variables it expects.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, dirname(file));
  const ELKConstructor = module.exports as new () => ELK;
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  let saved = fromCache;
  return {
    elk: new ELKConstructor(),
    fromCache,
    saveCompiledCode() {
      if (saved) return;
      saved = true;
      writeCache(cacheDir, cacheFile, script.createCachedData());
    },
  };
}

function sourceHash(source: string): string {
  return createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex').slice(0, 16);
}

function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written beside its final name and renamed, so a reader never sees half a file; older caches are removed. */
function writeCache(dir: string, path: string, data: Buffer): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, path);
    const name = path.slice(dir.length + 1);
    for (const other of readdirSync(dir)) {
      if (other !== name && other.startsWith(CACHE_PREFIX) && other.endsWith(CACHE_SUFFIX)) rmSync(join(dir, other), { force: true });
    }
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // A folder that cannot be written to has no temporary file in it either.
    }
  }
}
