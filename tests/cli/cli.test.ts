import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogue, ruleById } from '../../src/rules/catalogue.js';
import { sarifValidator } from '../diagnostics/sarif-schema.js';

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

/** A copy of the .tor files of examples/kent in a temp folder, edited; returns the folder. */
function kentWith(edit: (file: string, text: string) => string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'kent'));
  // Only the sources: build output that other tools may leave in the example is not part of it.
  for (const name of readdirSync(join(ROOT, 'examples', 'kent')).filter((n) => n.endsWith('.tor'))) {
    writeFileSync(join(dir, 'kent', name), edit(name, readFileSync(join(ROOT, 'examples', 'kent', name), 'utf8')));
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
    for (const args of [['--help'], ['check', '--help'], ['fmt', '--help'], ['rules', '--help'], ['explain', '--help']]) {
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
    const broken = () => {
      const dir = kentWith((name, text) => {
        if (name !== 'executive-board.tor') return text;
        text = replaceOnce(text, MEETS, '  meets quartely');
        text = replaceOnce(text, '    - chief-nurse\n', '    - chief-nurze\n');
        return replaceOnce(text, DEPUTIES, '  deputies:');
      });
      // These tests are about reading the sources: the rules' findings on the damage are left out.
      writeFileSync(join(dir, 'kent', 'tor.config.yaml'), only({}, ''));
      return dir;
    };

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
      // The rules do not run on sources with errors; if they do, the summary names the edition.
      expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^3 errors in 1 file(, checked against Working Together 2018)?$/);
    });

    it('gives them as a JSON array with --format json', () => {
      const run = tor(['check', '--format', 'json', 'kent'], broken());
      expect(run.status).toBe(1);
      const diagnostics = JSON.parse(run.stdout) as Record<string, unknown>[];
      expect(diagnostics).toHaveLength(3);
      for (const d of diagnostics) {
        expect(Object.keys(d).filter((k) => k !== 'hint' && k !== 'citation')).toEqual(['code', 'severity', 'message', 'file', 'start', 'end']);
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

/** A partnership with no police among its safeguarding partners, and no `follows` line. */
const NO_POLICE = [
  'partnership p: Test Partnership',
  '  safeguarding partners: council and icb',
  '',
  'organisation council: Test Council',
  '  kind: local authority',
  '',
  'organisation icb: Test ICB',
  '  kind: integrated care board',
  '',
].join('\n');

/** A temp folder holding project `p` with the given files; returns the temp folder. */
function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'p', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'p', name), text);
  }
  return dir;
}

interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
  start: { line: number; column: number };
  citation?: string;
}

function checkJson(args: readonly string[], cwd: string): { status: number | null; diagnostics: JsonDiagnostic[]; stderr: string } {
  const run = tor(['check', '--format', 'json', ...args], cwd);
  return { status: run.status, diagnostics: JSON.parse(run.stdout) as JsonDiagnostic[], stderr: run.stderr };
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

/**
 * A tor.config.yaml that turns every rule off except those given, so a test sees only the
 * rule it is about however many rules the catalogue grows to.
 */
function only(levels: Record<string, string>, head = 'edition: 2023\n'): string {
  const lines = catalogue.map(({ meta }) => `  ${meta.id}: ${levels[meta.id] ?? 'off'}`);
  return `${head}rules:\n${lines.join('\n')}\n`;
}

const codesOf = (diagnostics: readonly JsonDiagnostic[]) => [...new Set(diagnostics.map((d) => d.code))];

describe('tor check --edition', () => {
  it('checks against the edition asked for, whatever the partnership declares', () => {
    const dir = project({ 'partnership.tor': NO_POLICE });
    expect(lastLine(tor(['check', 'p'], dir).stdout)).toMatch(/, checked against Working Together 2026$/);
    const unasked = codesOf(checkJson(['p'], dir).diagnostics);
    expect(unasked).toContain('edition-undeclared');
    expect(unasked).toContain('three-safeguarding-partners');

    expect(lastLine(tor(['check', '--edition', '2018', 'p'], dir).stdout)).toMatch(/, checked against Working Together 2018$/);
    const in2018 = codesOf(checkJson(['--edition', '2018', 'p'], dir).diagnostics);
    const in2026 = codesOf(checkJson(['--edition', '2026', 'p'], dir).diagnostics);
    expect(in2018).not.toContain('edition-undeclared');
    expect(in2018).toContain('three-safeguarding-partners');
    // Each edition's findings come from that edition's rules only, so the two differ.
    for (const code of in2018) expect(ruleById(code)?.meta.editions ?? ['wt18'], code).toContain('wt18');
    for (const code of in2026) expect(ruleById(code)?.meta.editions ?? ['wt26'], code).toContain('wt26');
    expect(in2018).not.toEqual(in2026);
  });

  it('overrides `edition:` in tor.config.yaml, which overrides the partnership', () => {
    const declared = NO_POLICE.replace('Test Partnership\n', 'Test Partnership\n  follows Working Together 2018\n');
    const dir = project({ 'partnership.tor': declared, 'tor.config.yaml': only({ 'three-safeguarding-partners': 'error' }) });
    expect(lastLine(tor(['check', 'p'], dir).stdout)).toBe('1 error in 1 file, checked against Working Together 2023');
    expect(lastLine(tor(['check', '--edition', '2026', 'p'], dir).stdout)).toBe('1 error in 1 file, checked against Working Together 2026');
  });

  it('refuses an edition that does not exist', () => {
    const run = tor(['check', '--edition', '2024', 'examples/kent']);
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: "tor: option '--edition <year>' argument '2024' is invalid. Allowed choices are 2018, 2023, 2026.\n" });
  });
});

describe('tor check options', () => {
  it.each(['2026-02-30', '2026-2-3', '26-04-01', 'today'])('refuses --today %s in one line', (date) => {
    const run = tor(['check', '--today', date, 'examples/kent']);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe(`tor: option '--today <date>' argument '${date}' is invalid. Write a real date as YYYY-MM-DD, e.g. 2026-04-01.\n`);
  });

  it('accepts a real --today, and --enable for each duty of the Act', () => {
    const dir = project({ 'partnership.tor': NO_POLICE, 'tor.config.yaml': only({}) });
    expect(tor(['check', '--today', '2028-02-29', '--enable', 'cwsa26.s2', '--enable', 'cwsa26.s3', 'p'], dir)).toMatchObject({ status: 0, stderr: '' });
    const run = tor(['check', '--enable', 'cwsa26.s4', 'p'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Did you mean 'cwsa26.s2'?");
  });

  it('fails with more warnings than --max-warnings', () => {
    const dir = project({ 'partnership.tor': NO_POLICE, 'tor.config.yaml': only({ 'three-safeguarding-partners': 'warn' }) });
    expect(tor(['check', 'p'], dir)).toMatchObject({ status: 0, stderr: '' });
    expect(tor(['check', '--max-warnings', '1', 'p'], dir)).toMatchObject({ status: 0, stderr: '' });
    const over = tor(['check', '--max-warnings', '0', 'p'], dir);
    expect(over).toMatchObject({ status: 1, stderr: 'tor: 1 warning, more than --max-warnings 0 allows\n' });
    expect(tor(['check', '--max-warnings', 'none', 'p'], dir).status).toBe(2);
  });

  it('refuses an unknown --format in one line, naming the formats', () => {
    const run = tor(['check', '--format', 'xml', 'examples/kent']);
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: "tor: option '--format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github.\n" });
  });

  it('gives rule findings their citation in JSON', () => {
    const { diagnostics } = checkJson(['--edition', '2023', 'p'], project({ 'partnership.tor': NO_POLICE }));
    const finding = diagnostics.find((d) => d.code === 'three-safeguarding-partners');
    expect(finding).toMatchObject({ citation: ruleById('three-safeguarding-partners')!.meta.citation });
  });

  it('prints valid SARIF for rule findings, parse errors and none', () => {
    const validate = sarifValidator();
    const ruleIds = (args: string[], cwd: string) => {
      const run = tor(['check', '--format', 'sarif', ...args], cwd);
      expect(run.status).toBe(1);
      const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string }[] }[] };
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
      return log.runs[0]!.results.map((r) => r.ruleId);
    };
    expect(ruleIds(['p'], project({ 'partnership.tor': NO_POLICE }))).toContain('three-safeguarding-partners');
    const unreadable = project({ 'partnership.tor': NO_POLICE, 'board.tor': 'group board: Board\n  meets quartely\n' });
    expect(ruleIds(['p'], unreadable).some((id) => id.startsWith('syntax/'))).toBe(true);

    const clean = tor(['check', '--format', 'sarif', 'examples/kent']);
    expect(clean.status).toBe(0);
    expect(validate(JSON.parse(clean.stdout))).toBe(true);
  });

  it('prints GitHub annotations, one line each', () => {
    const run = tor(['check', '--format', 'github', 'p'], project({ 'partnership.tor': NO_POLICE, 'tor.config.yaml': only({ 'three-safeguarding-partners': 'error' }) }));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=p\/partnership\.tor,line=2,col=3,endLine=2,endColumn=\d+,title=three-safeguarding-partners::The safeguarding partners do not include the police\.%0A.+\n$/);
  });
});

describe('tor.config.yaml', () => {
  const SILENCE = 'rules:\n  three-safeguarding-partners: off\n';

  it('silences a rule set to off', () => {
    expect(codesOf(checkJson(['p'], project({ 'partnership.tor': NO_POLICE })).diagnostics)).toContain('three-safeguarding-partners');
    const dir = project({ 'partnership.tor': NO_POLICE, 'tor.config.yaml': SILENCE });
    expect(codesOf(checkJson(['p'], dir).diagnostics)).not.toContain('three-safeguarding-partners');
    expect(tor(['check', 'p'], project({ 'partnership.tor': NO_POLICE, 'tor.config.yaml': only({}) }))).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('is read from the folder of a single file given', () => {
    const dir = project({ 'partnership.tor': NO_POLICE, 'tor.config.yaml': SILENCE });
    expect(codesOf(checkJson(['p/partnership.tor'], dir).diagnostics)).not.toContain('three-safeguarding-partners');
  });

  it('skips ignored files', () => {
    const files = { 'partnership.tor': NO_POLICE, 'drafts/board.tor': 'grop board: Board\n' };
    const filesOf = (dir: string) => [...new Set(checkJson(['p'], dir).diagnostics.map((d) => d.file))];
    expect(filesOf(project(files))).toContain('p/drafts/board.tor');
    expect(filesOf(project({ ...files, 'tor.config.yaml': 'ignore:\n  - drafts/**\n' }))).toEqual(['p/partnership.tor']);
  });

  it('says so when every file is ignored', () => {
    const dir = project({ 'a.tor': NO_POLICE, 'tor.config.yaml': 'ignore: ["*.tor"]\n' });
    expect(tor(['check', 'p'], dir)).toMatchObject({ status: 2, stderr: 'tor: no .tor files in p (1 skipped by `ignore` in tor.config.yaml)\n' });
  });

  it('reports its own mistakes at the key, with a code frame, and exits 1', () => {
    const dir = project({ 'partnership.tor': NO_POLICE, 'tor.config.yaml': 'edition: 2023\nrules:\n  three-safeguarding-partner: off\n' });
    const run = tor(['check', 'p'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'p/tor.config.yaml:3:3  error  `rules.three-safeguarding-partner` is not a rule — did you mean `three-safeguarding-partners`?  config/invalid\n' +
        '  2 | rules:\n' +
        '  3 |   three-safeguarding-partner: off\n' +
        '    |   ^^^^^^^^^^^^^^^^^^^^^^^^^^\n',
    );
  });

  it('reports YAML it cannot read with line and column', () => {
    const dir = project({ 'partnership.tor': NO_POLICE, 'tor.config.yaml': 'edition: 2023\n  rules: x\n' });
    const { status, diagnostics } = checkJson(['p'], dir);
    expect(status).toBe(1);
    expect(diagnostics[diagnostics.length - 1]).toMatchObject({ code: 'config/yaml', file: 'p/tor.config.yaml', start: { line: 1 } });
  });
});

describe('tor rules', () => {
  it('lists every rule with its severity, editions and description', () => {
    const run = tor(['rules']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^id +severity +editions +description$/);
    for (const { meta } of catalogue) expect(lines.some((l) => l.startsWith(`${meta.id} `) && l.endsWith(meta.description)), meta.id).toBe(true);
  });

  it('lists them as JSON', () => {
    const run = tor(['rules', '--format', 'json']);
    expect(run.status).toBe(0);
    const rules = JSON.parse(run.stdout) as { id: string; editions: number[] }[];
    expect(rules.map((r) => r.id)).toEqual(catalogue.map((r) => r.meta.id));
    for (const r of rules) for (const year of r.editions) expect([2018, 2023, 2026]).toContain(year);
  });
});

describe('tor explain', () => {
  it("prints a rule's documentation", () => {
    const { meta } = catalogue[0]!;
    const run = tor(['explain', meta.id]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe(meta.id);
    expect(run.stdout).toMatch(/^ {2}severity +\w+$/m);
    expect(run.stdout).toMatch(/^ {2}editions +Working Together /m);
    expect(run.stdout).toMatch(/^ {2}citation +\S/m);
  });

  it('suggests the nearest rule for an unknown id, and exits 2', () => {
    const run = tor(['explain', 'three-safeguarding-partner']);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('tor: `three-safeguarding-partner` is not a rule — did you mean `three-safeguarding-partners`? (`tor rules` lists them)\n');
  });
});
