import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFailure, type Loaded, loadFiles, loadProject, MAX_SOURCE_BYTES, type Project } from '../../src/cli/load.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'tor-load-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, path)), { recursive: true });
    writeFileSync(join(cwd, path), text);
  }
}

function value<T>(loaded: Loaded<T>): T {
  if (!loaded.ok) throw new Error(describeFailure(loaded.failure));
  return loaded.value;
}

const paths = (project: Project) => project.files.map((f) => f.path);
const problems = (project: Project) => project.diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.code}`);

describe('loadProject', () => {
  it('reads every .tor file below a folder in path order, skipping dist, node_modules and dot-folders', async () => {
    write({
      'p/b.tor': '',
      'p/a/z.tor': '',
      'p/a.tor': '',
      'p/notes.md': '',
      'p/dist/out.tor': '',
      'p/node_modules/x/y.tor': '',
      'p/.git/hooks.tor': '',
    });
    const project = value(await loadProject('p', cwd));
    expect(paths(project)).toEqual(['p/a.tor', 'p/a/z.tor', 'p/b.tor']);
    expect(project.diagnostics).toEqual([]);
  });

  it('reads a file and what it includes, relative to the including file, in the order first reached', async () => {
    write({
      'p/main.tor': 'include sub/one.tor\ninclude two.tor\n',
      'p/sub/one.tor': 'include ../two.tor\ninclude three.tor\n',
      'p/sub/three.tor': '',
      'p/two.tor': '',
      'p/unrelated.tor': '',
    });
    const project = value(await loadProject('p/main.tor', cwd));
    expect(paths(project)).toEqual(['p/main.tor', 'p/sub/one.tor', 'p/two.tor', 'p/sub/three.tor']);
    expect(project.diagnostics).toEqual([]);
  });

  it('reports missing includes, cycles and includes outside the project at the include', async () => {
    write({
      'p/main.tor': '# root\ninclude a.tor\ninclude  gone.tor\ninclude ../elsewhere.tor\ninclude notes.txt\n',
      'p/a.tor': 'include main.tor\n',
      'elsewhere.tor': '',
      'p/notes.txt': '',
    });
    const project = value(await loadProject('p/main.tor', cwd));
    expect(paths(project)).toEqual(['p/main.tor', 'p/a.tor']);
    expect(problems(project)).toEqual([
      'p/a.tor:1:9 load/include-cycle',
      'p/main.tor:3:10 load/missing-include',
      'p/main.tor:4:9 load/include-outside-project',
      'p/main.tor:5:9 load/include-not-tor',
    ]);
    expect(project.diagnostics[0]?.message).toContain('p/main.tor → p/a.tor → p/main.tor');
  });

  it('follows includes from a folder too, so its include mistakes are found', async () => {
    write({ 'p/a.tor': 'include b.tor\n', 'p/b.tor': 'include a.tor\n', 'p/c.tor': 'include nope.tor\n' });
    const project = value(await loadProject('p', cwd));
    expect(paths(project)).toEqual(['p/a.tor', 'p/b.tor', 'p/c.tor']);
    expect(problems(project)).toEqual(['p/b.tor:1:9 load/include-cycle', 'p/c.tor:1:9 load/missing-include']);
  });

  it('reads a file included twice once, without calling it a cycle', async () => {
    write({ 'main.tor': 'include a.tor\ninclude b.tor\n', 'a.tor': 'include b.tor\n', 'b.tor': '' });
    const project = value(await loadProject('main.tor', cwd));
    expect(paths(project)).toEqual(['main.tor', 'a.tor', 'b.tor']);
    expect(project.diagnostics).toEqual([]);
  });

  it('fails, with one line to print, for a missing path, a non-.tor file and a folder without .tor files', async () => {
    write({ 'readme.md': '', 'empty/notes.md': '' });
    const failure = async (path: string) => {
      const loaded = await loadProject(path, cwd);
      return loaded.ok ? 'loaded' : describeFailure(loaded.failure);
    };
    expect(await failure('nope')).toBe('no such file or folder: nope');
    expect(await failure('readme.md')).toBe('not a .tor file: readme.md');
    expect(await failure('empty')).toBe('no .tor files in empty');
  });
});

describe('files outside the project', () => {
  it('refuses a symbolic link in the folder to a file outside it, at the link, and reads the rest', async () => {
    write({ 'p/a.tor': '', 'secret/passwd.tor': 'organisation x: X\n' });
    symlinkSync(join(cwd, 'secret/passwd.tor'), join(cwd, 'p/link.tor'));
    const project = value(await loadProject('p', cwd));
    expect(paths(project)).toEqual(['p/a.tor']);
    expect(problems(project)).toEqual(['p/link.tor:1:1 load/outside-project']);
    expect(project.diagnostics[0]?.hint).toContain('include-from');
  });

  it('reads a symbolic link to a file inside the project', async () => {
    write({ 'p/real/a.tor': '' });
    symlinkSync(join(cwd, 'p/real/a.tor'), join(cwd, 'p/alias.tor'));
    expect(problems(value(await loadProject('p', cwd)))).toEqual([]);
  });

  it('refuses an include that reaches outside through a symbolic link, and ../../etc/passwd', async () => {
    write({ 'p/main.tor': 'include shared/orgs.tor\ninclude ../../etc/passwd.tor\n', 'outside/orgs.tor': '' });
    symlinkSync(join(cwd, 'outside'), join(cwd, 'p/shared'));
    const project = value(await loadProject('p/main.tor', cwd));
    expect(paths(project)).toEqual(['p/main.tor']);
    expect(problems(project)).toEqual(['p/main.tor:1:9 load/outside-project', 'p/main.tor:2:9 load/include-outside-project']);
  });

  it('reads from a folder outside the project when the configuration allows it', async () => {
    write({ 'p/main.tor': 'include ../shared/orgs.tor\ninclude link/orgs.tor\n', 'shared/orgs.tor': '' });
    symlinkSync(join(cwd, 'shared'), join(cwd, 'p/link'));
    const project = value(await loadProject('p/main.tor', cwd, { allowedOutside: [join(cwd, 'shared')] }));
    expect(paths(project)).toEqual(['p/main.tor', 'shared/orgs.tor', 'p/link/orgs.tor']);
    expect(problems(project)).toEqual([]);
  });
});

describe('files that are not sources', () => {
  it(`refuses a file larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB by its size, without reading it`, async () => {
    write({ 'big.tor': '', 'p/main.tor': 'include big.tor\n', 'p/big.tor': '' });
    truncateSync(join(cwd, 'big.tor'), 50 * 1024 * 1024);
    truncateSync(join(cwd, 'p/big.tor'), MAX_SOURCE_BYTES + 1);
    const loaded = await loadProject('big.tor', cwd);
    expect(loaded.ok ? 'loaded' : describeFailure(loaded.failure)).toBe(
      'big.tor is 50 MB: tor reads .tor files of at most 10 MB. Is it the right file? Split a large partnership into several files with `include`.',
    );
    const project = value(await loadProject('p/main.tor', cwd));
    expect(problems(project)).toEqual(['p/main.tor:1:9 load/file-too-large']);
    expect(project.diagnostics[0]?.message).toBe('`include big.tor`: the file is 10 MB.');
  });

  it('refuses a file that is not UTF-8, naming the first bad byte, rather than reading it damaged', async () => {
    write({ 'p/main.tor': 'include latin1.tor\n' });
    writeFileSync(join(cwd, 'p/latin1.tor'), Buffer.concat([Buffer.from('partnership p: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    writeFileSync(join(cwd, 'ok.tor'), Buffer.from('# caf\u00e9 \u2013 \u{1F600}\n', 'utf8'));
    writeFileSync(join(cwd, 'p2.tor'), Buffer.concat([Buffer.from('# \u00e9\n\u00e9\u00e9 '), Buffer.from([0xed, 0xa0, 0x80])]));
    const loaded = await loadProject('p/latin1.tor', cwd);
    expect(loaded.ok ? 'loaded' : describeFailure(loaded.failure)).toBe(
      'cannot read p/latin1.tor: it is not UTF-8 text (byte 0xE9 at line 1, column 19); save it as UTF-8 and try again',
    );
    expect(problems(value(await loadProject('p/main.tor', cwd)))).toEqual(['p/main.tor:1:9 load/unreadable-include']);
    expect(value(await loadFiles('ok.tor', cwd))[0]!.text).toBe('# caf\u00e9 \u2013 \u{1F600}\n');
    // An encoded surrogate is not UTF-8 either; the column counts characters, not bytes.
    const surrogate = await loadFiles('p2.tor', cwd);
    expect(surrogate.ok ? 'loaded' : describeFailure(surrogate.failure)).toContain('(byte 0xED at line 2, column 4)');
  });

  it('does not wait on a named pipe that looks like a source file', async () => {
    write({ 'p/main.tor': 'include fifo.tor\n' });
    execFileSync('mkfifo', [join(cwd, 'p/fifo.tor')]);
    const project = value(await loadProject('p/main.tor', cwd));
    expect(problems(project)).toEqual(['p/main.tor:1:9 load/unreadable-include']);
    expect(project.diagnostics[0]?.message).toContain('it is not a regular file');
  });
});

describe('loadFiles', () => {
  it('reads the files a folder holds without following includes', async () => {
    write({ 'p/a.tor': 'include ../b.tor\n', 'b.tor': '' });
    expect(value(await loadFiles('p', cwd)).map((f) => f.path)).toEqual(['p/a.tor']);
    expect(value(await loadFiles('b.tor', cwd))).toEqual([{ path: 'b.tor', text: '' }]);
  });
});
