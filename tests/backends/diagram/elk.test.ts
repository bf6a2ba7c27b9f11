import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const RUN = fileURLToPath(new URL('./elk-run.ts', import.meta.url));

/** One process per run: V8 reads a code cache only when it first compiles ELK in a process. */
function layOut(cacheDir: string): { fromCache: boolean; layout: unknown; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', RUN, cacheDir], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { ...(JSON.parse(run.stdout) as { fromCache: boolean; layout: unknown }), stderr: run.stderr };
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tor-elk-cache-'));
  folders.push(folder);
  return folder;
}

const cacheFiles = (folder: string): string[] => readdirSync(folder).filter((f) => f.endsWith('.v8'));

describe('ELK with its compiled code cached on disk', () => {
  it('saves the code cache after its first layout, starts from it next time, and lays out the same', () => {
    const folder = freshFolder();
    const first = layOut(folder);
    expect(first.fromCache).toBe(false);
    const [file] = cacheFiles(folder);
    expect(file).toMatch(/^elk-[0-9a-f]{16}\.v8$/);
    const written = statSync(join(folder, file!)).mtimeMs;

    const second = layOut(folder);
    expect(second.fromCache).toBe(true);
    expect(second.layout).toEqual(first.layout);
    // Started from the cache, so nothing is written again.
    expect(statSync(join(folder, file!)).mtimeMs).toBe(written);
    expect(cacheFiles(folder)).toEqual([file]);
  });

  it('ignores a damaged cache, compiles ELK as usual and replaces the cache', () => {
    const folder = freshFolder();
    const expected = layOut(folder).layout;
    const [file] = cacheFiles(folder);
    writeFileSync(join(folder, file!), 'not a code cache');

    const damaged = layOut(folder);
    expect(damaged.fromCache).toBe(false);
    expect(damaged.layout).toEqual(expected);
    expect(readFileSync(join(folder, file!)).length).toBeGreaterThan(100_000);
    expect(layOut(folder).fromCache).toBe(true);
  });

  it('removes the caches of other versions when it writes its own, and nothing else', () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'elk-0000000000000000.v8'), 'an older cache');
    writeFileSync(join(folder, 'unrelated.txt'), 'kept');
    layOut(folder);
    expect(cacheFiles(folder)).toHaveLength(1);
    expect(cacheFiles(folder)[0]).not.toBe('elk-0000000000000000.v8');
    expect(readdirSync(folder).sort()).toEqual([cacheFiles(folder)[0], 'unrelated.txt']);
  });

  it('lays out as usual, and says nothing, when the cache cannot be written', () => {
    const blocked = join(freshFolder(), 'a-file');
    writeFileSync(blocked, 'in the way of the cache folder');
    const run = layOut(join(blocked, 'cache'));
    expect(run.fromCache).toBe(false);
    expect(run.stderr).toBe('');
    expect((run.layout as { children: unknown[] }).children).toHaveLength(4);
    expect(readFileSync(blocked, 'utf8')).toBe('in the way of the cache folder');
  });
});
