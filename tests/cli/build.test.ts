import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleSchema } from '../../src/bundle/schema.js';
import { assertValidBundle, hashSources, MARKER, writeFolder, type WriteIo } from '../../src/cli/build.js';

/** End-to-end `tor build`, through the CLI bundle the global setup built. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'tor.js');

function tor(args: readonly string[], cwd = ROOT) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '' }, encoding: 'utf8' });
  return { status, stdout, stderr };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tor-build-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of an example in a temp folder; returns the copy's path. */
function copyOf(example: string, edit?: (text: string) => string): string {
  const dir = join(tempDir(), example);
  cpSync(join(ROOT, 'examples', example), dir, { recursive: true });
  if (edit) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.tor'))) writeFileSync(join(dir, name), edit(readFileSync(join(dir, name), 'utf8')));
  }
  return dir;
}

const broken = (text: string) => text.replace('meets every 2 months in the first year', 'meets every 2 mnths in the first year');

describe('tor build', () => {
  it('writes every format into <path>/dist by default, and lists what it wrote', () => {
    const kent = copyOf('kent');
    const run = tor(['build', 'kent'], join(kent, '..'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = run.stdout.trim().split('\n').sort();
    expect(written).toEqual(['kent/dist/executive-board.html', 'kent/dist/executive-board.pdf', 'kent/dist/index.html', 'kent/dist/index.pdf', 'kent/dist/kscmp.bundle.json', 'kent/dist/kscmp.ics']);
    const file = join(kent, 'dist', 'kscmp.bundle.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { partnership: { id: string }; sources: { hash: string } };
    expect(bundle.partnership.id).toBe('kscmp');
    expect(bundle.sources.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(new Ajv2020({ strict: true }).validate(bundleSchema, bundle)).toBe(true);
    // Nothing but the output and its marker; no temporary folders left beside it.
    expect(readdirSync(join(kent, 'dist')).sort()).toEqual([MARKER, ...written.map((w) => w.slice('kent/dist/'.length))].sort());
    expect(readdirSync(kent).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it.each(['isle-of-wight', 'gloucestershire', 'kent'])('builds %s with --out and --format bundle', (example) => {
    const out = join(tempDir(), 'site');
    const run = tor(['build', `examples/${example}`, '--out', out, '--format', 'bundle']);
    expect(run.status).toBe(0);
    expect(readdirSync(out).filter((n) => n.endsWith('.bundle.json'))).toHaveLength(1);
  });

  it('gives the same bytes every time, from any working directory', () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    expect(tor(['build', 'examples/isle-of-wight', '--out', a]).status).toBe(0);
    expect(tor(['build', '.', '--out', b], join(ROOT, 'examples', 'isle-of-wight')).status).toBe(0);
    expect(readFileSync(join(a, 'iowscp.bundle.json'))).toEqual(readFileSync(join(b, 'iowscp.bundle.json')));
  });

  it('replaces its previous output whole', () => {
    const out = join(tempDir(), 'dist');
    expect(tor(['build', 'examples/kent', '--out', out, '--format', 'bundle']).status).toBe(0);
    writeFileSync(join(out, 'stale.json'), '{}');
    expect(tor(['build', 'examples/gloucestershire', '--out', out, '--format', 'bundle']).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MARKER, 'gscp.bundle.json'].sort());
  });

  it('writes nothing when the sources have errors, and leaves the previous output untouched', () => {
    const kent = copyOf('kent');
    const out = join(tempDir(), 'dist');
    expect(tor(['build', kent, '--out', out]).status).toBe(0);
    const before = readFileSync(join(out, 'kscmp.bundle.json'));
    writeFileSync(join(kent, 'executive-board.tor'), broken(readFileSync(join(kent, 'executive-board.tor'), 'utf8')));
    const run = tor(['build', kent, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('mnths');
    expect(run.stderr).toContain('tor: nothing written: fix the errors above, or build anyway with --force');
    expect(readFileSync(join(out, 'kscmp.bundle.json'))).toEqual(before);
    expect(readdirSync(join(out, '..')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('writes anyway with --force, and still exits 1', () => {
    const kent = copyOf('kent', broken);
    const run = tor(['build', kent, '--force']);
    expect(run.status).toBe(1);
    expect(existsSync(join(kent, 'dist', 'kscmp.bundle.json'))).toBe(true);
  });

  it('refuses to replace a folder it did not write', () => {
    const out = tempDir();
    writeFileSync(join(out, 'precious.txt'), 'keep me');
    const run = tor(['build', 'examples/kent', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^tor: cannot write .*: the folder is not empty and was not written by tor build/);
    expect(readdirSync(out)).toEqual(['precious.txt']);
  });

  it('says in one line when the output folder cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const run = tor(['build', 'examples/kent', '--out', join(dir, 'file', 'dist')]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^tor: cannot write .*file\/dist: /);
    expect(run.stderr).not.toMatch(/\bat \w+ \(/);
  });

  it('refuses an --out that holds the sources, and leaves them alone', () => {
    const kent = copyOf('kent');
    const before = readdirSync(kent).sort();
    for (const out of [kent, join(kent, '..')]) {
      const run = tor(['build', kent, '--out', out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^tor: cannot write .*: it holds the sources \(.*kent\), which a build would replace; choose an --out outside them\n$/);
    }
    expect(readdirSync(kent).sort()).toEqual(before);
  });

  it('lets two builds into the same folder take turns: each ends whole, nothing is left beside it', async () => {
    const kent = copyOf('kent');
    const both = await Promise.all([0, 1].map(() => torAsync(['build', kent, '--format', 'html,bundle'])));
    expect(both.map((r) => r.status)).toEqual([0, 0]);
    expect(readdirSync(join(kent, 'dist')).sort()).toEqual([MARKER, 'executive-board.html', 'index.html', 'kscmp.bundle.json']);
    expect(readdirSync(kent).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses an unknown format with a suggestion, exit 2', () => {
    const run = tor(['build', 'examples/kent', '--format', 'bundel']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("Did you mean 'bundle'?");
  });

  it('says when the project does not exist, exit 2', () => {
    const run = tor(['build', 'examples/nowhere']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('tor: no such file or folder: examples/nowhere\n');
  });

  it('is listed in tor --help', () => {
    expect(tor(['--help']).stdout).toMatch(/\bbuild\b/);
  });
});

function torAsync(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stderr }));
  });
}

describe('writing the output folder', () => {
  const files = [
    { path: 'index.html', content: 'new index' },
    { path: 'a.html', content: 'new a' },
    { path: 'b/c.html', content: 'new c' },
  ];

  /** A disk that fills up after `room` files. */
  function fillsAfter(room: number): WriteIo {
    let written = 0;
    return {
      async writeFile(path, content) {
        if (written++ >= room) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
        writeFileSync(path, content);
      },
    };
  }

  it('keeps the previous output whole when the disk fills up mid-build, and leaves nothing beside it', async () => {
    const parent = tempDir();
    const out = join(parent, 'dist');
    expect(await writeFolder(out, [{ path: 'index.html', content: 'old index' }])).toBeUndefined();
    expect(await writeFolder(out, files, fillsAfter(2))).toBe('no space left on the device');
    expect(readdirSync(out).sort()).toEqual([MARKER, 'index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old index');
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('takes over a lock left by a build that died', async () => {
    const parent = tempDir();
    // Process ids are below 2^22 on Linux: this one is running nowhere.
    writeFileSync(join(parent, '.dist.lock'), '99999999\n');
    expect(await writeFolder(join(parent, 'dist'), files)).toBeUndefined();
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('waits for a running build to finish with the folder', async () => {
    const parent = tempDir();
    mkdirSync(parent, { recursive: true });
    writeFileSync(join(parent, '.dist.lock'), `${process.pid}\n`);
    setTimeout(() => rmSync(join(parent, '.dist.lock')), 300);
    const started = Date.now();
    expect(await writeFolder(join(parent, 'dist'), files)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(readFileSync(join(parent, 'dist', 'b', 'c.html'), 'utf8')).toBe('new c');
  });
});

describe('the build internals', () => {
  it('fails loudly on a bundle that does not match its schema', async () => {
    await expect(assertValidBundle({ bundleVersion: '1.0.0' })).rejects.toThrow(/^the bundle does not match its schema: /);
  });

  it('hashes the sources by their paths relative to the project, in path order', () => {
    const a = hashSources([{ path: 'p/b.tor', text: 'b' }, { path: 'p/a.tor', text: 'a' }], join(ROOT, 'p'), ROOT);
    const b = hashSources([{ path: 'a.tor', text: 'a' }, { path: 'b.tor', text: 'b' }], join(ROOT, 'p'), join(ROOT, 'p'));
    expect(a).toBe(b);
    // Moving a byte from one file to the next changes the hash.
    expect(hashSources([{ path: 'a.tor', text: 'ab' }, { path: 'b.tor', text: '' }], ROOT, ROOT)).not.toBe(
      hashSources([{ path: 'a.tor', text: 'a' }, { path: 'b.tor', text: 'b' }], ROOT, ROOT),
    );
  });
});
