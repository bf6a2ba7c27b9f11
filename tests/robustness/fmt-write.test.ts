import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSource } from '../../src/format/format.js';
import { exampleProjects } from './corpus.js';
import { MUTATORS } from './mutators.js';
import { Random } from './random.js';

/**
 * The compiled CLI on a copy of a mutated file: `tor fmt --write` either leaves the file
 * byte for byte as it was (and says why, without a stack trace) or writes exactly what
 * the core formats.
 */
const dir = mkdtempSync(join(tmpdir(), 'tor-fmt-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = exampleProjects()[0]!.files.find((f) => f.path.endsWith('executive.tor'))!;
const CASES: ReadonlyArray<[string, number]> = [
  ['delete-token', 1], ['unbalanced', 2], ['tabs', 3], ['crlf', 4], ['lone-cr', 5], ['nul', 6], ['reindent-line', 7], ['truncate-file', 8],
];

describe('tor fmt --write on damaged files', () => {
  for (const [name, seed] of CASES) {
    it(`refuses or rewrites faithfully after ${name}`, () => {
      const text = MUTATORS.find((m) => m.name === name)!.mutate(source.text, new Random(seed));
      const path = join(dir, `${name}.tor`);
      const bytes = Buffer.from(text, 'utf8');
      writeFileSync(path, bytes);
      const run = spawnSync(process.execPath, ['bin/tor.js', 'fmt', '--write', path], { encoding: 'utf8' });
      expect(run.stderr, 'no stack trace').not.toMatch(/^\s+at /m);
      const after = readFileSync(path);
      const expected = formatSource({ path, text: bytes.toString('utf8') });
      if (run.status !== 0) {
        expect(expected.text, `the core formats what the CLI refused: ${run.stderr}`).toBeUndefined();
        expect(after.equals(bytes), 'a refused file is left byte for byte as it was').toBe(true);
        expect(run.stderr).toMatch(/error/);
      } else {
        expect(after.toString('utf8')).toBe(expected.text);
      }
    });
  }

  it('covers both outcomes', () => {
    const outcomes = CASES.map(([name, seed]) => formatSource({ path: 'x.tor', text: MUTATORS.find((m) => m.name === name)!.mutate(source.text, new Random(seed)) }).text === undefined);
    expect(new Set(outcomes).size).toBe(2);
  });
});
