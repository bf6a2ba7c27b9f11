import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * End-to-end: runs `node bin/tor.js`, i.e. the bundle the global setup built, as a user would.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'tor.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function tor(args: readonly string[], cwd = ROOT): Run {
  // A pipe is not a terminal, so no colour; NO_COLOR is cleared so tests do not depend on the caller's shell.
  const env = { ...process.env, NO_COLOR: '' };
  const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { status, stdout, stderr };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tor-cli-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of examples/kent in a temp folder, edited; returns the folder. */
function kentWith(edit: (file: string, text: string) => string): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'examples', 'kent'), join(dir, 'kent'), { recursive: true });
  for (const name of readdirSync(join(dir, 'kent'))) {
    const path = join(dir, 'kent', name);
    writeFileSync(path, edit(name, readFileSync(path, 'utf8')));
  }
  return dir;
}

/** Replaces `from` (which must be there) with `to`. */
function replaceOnce(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

/** 1-based number of the first line of `text` equal to `line`. */
function lineOf(text: string, line: string): number {
  return text.split('\n').indexOf(line) + 1;
}

const STACK_TRACE = /^\s+at /m;

describe('tor', () => {
  it('prints its version', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const run = tor(['--version']);
    expect(run).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('has help on every command', () => {
    for (const args of [['--help'], ['check', '--help'], ['fmt', '--help']]) {
      const run = tor(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: tor/);
    }
  });

  it('refuses an unknown flag in one line, suggesting the right one', () => {
    const run = tor(['check', '--frmat', 'json', 'examples/kent']);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe("tor: unknown option '--frmat' for 'check' — did you mean '--format'?\n");
  });

  it('refuses an unknown command in one line', () => {
    const run = tor(['chek', 'examples/kent']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("tor: unknown command 'chek' — did you mean 'check'?\n");
  });

  it('says so when a path does not exist', () => {
    const run = tor(['check', 'examples/nope']);
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: 'tor: no such file or folder: examples/nope\n' });
  });

  it('says so when a folder holds no .tor files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const run = tor(['check', 'empty'], dir);
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: 'tor: no .tor files in empty\n' });
  });

  it('says so when a file is not a .tor file', () => {
    const run = tor(['check', 'package.json']);
    expect(run).toMatchObject({ status: 2, stderr: 'tor: not a .tor file: package.json\n' });
  });
});

describe('tor check', () => {
  it('passes a correct example silently', () => {
    expect(tor(['check', 'examples/kent'])).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  describe('with three mistakes in three places', () => {
    const MEETS = '  meets every 2 months in the first year, then as required but at least quarterly';
    const DEPUTIES = [
      '  deputies:',
      '    - only by exception',
      '    - must have the same decision-making authority',
      '    - count towards the quorum only with full delegated authority',
    ].join('\n');
    const broken = () =>
      kentWith((name, text) => {
        if (name !== 'executive-board.tor') return text;
        text = replaceOnce(text, MEETS, '  meets quartely');
        text = replaceOnce(text, '    - chief-nurse\n', '    - chief-nurze\n');
        return replaceOnce(text, DEPUTIES, '  deputies:');
      });

    it('reports each with a code frame, and exits 1', () => {
      const dir = broken();
      const text = readFileSync(join(dir, 'kent', 'executive-board.tor'), 'utf8');
      const run = tor(['check', 'kent'], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toMatch(STACK_TRACE);

      const headers = run.stdout.split('\n').filter((line) => /^\S+:\d+:\d+ {2}error {2}/.test(line));
      expect(headers.map((h) => h.split('  ')[0])).toEqual([
        `kent/executive-board.tor:${lineOf(text, '  meets quartely')}:9`,
        `kent/executive-board.tor:${lineOf(text, '  deputies:')}:3`,
        `kent/executive-board.tor:${lineOf(text, '    - chief-nurze')}:7`,
      ]);
      expect(headers[0]).toContain('quarterly');
      expect(headers[2]).toContain('chief-nurze');
      expect(run.stdout).toMatch(/ \| {3}meets quartely\n +\| {9}\^{8}\n/);
      expect(run.stdout).toMatch(/ \| {3}deputies:\n +\| {3}\^+\n/);
      expect(run.stdout).toMatch(/ \| {5}- chief-nurze\n +\| {7}\^{11}\n/);
      expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('3 errors in 1 file');
    });

    it('gives them as a JSON array with --format json', () => {
      const run = tor(['check', '--format', 'json', 'kent'], broken());
      expect(run.status).toBe(1);
      const diagnostics = JSON.parse(run.stdout) as Record<string, unknown>[];
      expect(diagnostics).toHaveLength(3);
      for (const d of diagnostics) {
        expect(Object.keys(d).filter((k) => k !== 'hint')).toEqual(['code', 'severity', 'message', 'file', 'start', 'end']);
        expect(d).toMatchObject({
          severity: 'error',
          file: 'kent/executive-board.tor',
          start: { line: expect.any(Number), column: expect.any(Number), offset: expect.any(Number) },
          end: { line: expect.any(Number), column: expect.any(Number), offset: expect.any(Number) },
        });
        expect(d['code']).toEqual(expect.any(String));
      }
    });
  });

  it('colours only when asked, since a pipe is not a terminal', () => {
    const dir = kentWith((name, text) => (name === 'partnership.tor' ? replaceOnce(text, 'kind: police', 'kind: polise') : text));
    expect(tor(['check', 'kent'], dir).stdout).not.toContain('\u001b[');
    expect(tor(['check', '--color', 'kent'], dir).stdout).toContain('\u001b[');
  });

  it('reports include problems at the include line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.tor'), 'include board.tor\ninclude missing.tor\ninclude ../outside.tor\n');
    writeFileSync(join(dir, 'board.tor'), 'include main.tor\n');
    const run = tor(['check', '--format', 'json', 'main.tor'], dir);
    const found = (JSON.parse(run.stdout) as { code: string; file: string; start: { line: number } }[])
      .filter((d) => d.code.startsWith('load/'))
      .map((d) => `${d.file}:${d.start.line} ${d.code}`);
    expect(found).toEqual([
      'board.tor:1 load/include-cycle',
      'main.tor:2 load/missing-include',
      'main.tor:3 load/include-outside-project',
    ]);
    expect(run.status).toBe(1);
  });
});

describe('tor fmt', () => {
  it('finds nothing to change in the examples', () => {
    expect(tor(['fmt', '--check', 'examples'])).toMatchObject({ status: 0, stdout: '' });
  });

  it('prints one formatted file', () => {
    const path = 'examples/kent/partnership.tor';
    expect(tor(['fmt', path])).toMatchObject({ status: 0, stdout: readFileSync(join(ROOT, path), 'utf8') });
  });

  it('asks for --check or --write for several files', () => {
    const run = tor(['fmt', 'examples/kent']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('lists unformatted files with --check and rewrites them with --write', () => {
    const dir = kentWith((name, text) => (name === 'partnership.tor' ? replaceOnce(text, '  kind: police\n', '  kind:    police\n') : text));
    const path = join(dir, 'kent', 'partnership.tor');

    expect(tor(['fmt', '--check', 'kent'], dir)).toMatchObject({ status: 1, stdout: 'kent/partnership.tor\n' });
    expect(readFileSync(path, 'utf8')).toContain('kind:    police');

    expect(tor(['fmt', '--write', 'kent'], dir)).toMatchObject({ status: 0, stdout: 'kent/partnership.tor\n' });
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(join(ROOT, 'examples', 'kent', 'partnership.tor'), 'utf8'));
    expect(readdirSync(join(dir, 'kent')).sort()).toEqual(['executive-board.tor', 'partnership.tor']);
    expect(tor(['fmt', '--check', 'kent'], dir)).toMatchObject({ status: 0, stdout: '' });
  });

  it('never writes a file that does not parse', () => {
    const dir = kentWith((name, text) => (name === 'executive-board.tor' ? text.replace(/^ {2}meets .*$/m, '  meets quartely') : text));
    const path = join(dir, 'kent', 'executive-board.tor');
    const before = readFileSync(path);
    const run = tor(['fmt', '--write', 'kent/executive-board.tor'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('kent/executive-board.tor:');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
