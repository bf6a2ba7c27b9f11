import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlFiles } from '../../../src/backends/html/build.js';
import { EXAMPLES } from '../../helpers.js';
import { exampleModel, ROOT } from './html.js';

/** The same sources give the same pages, byte for byte: no dates, no randomness, no dependence on the run. */

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('determinism', () => {
  it.each(EXAMPLES)('%s: two builds in one process give identical pages', async (example) => {
    const build = () => htmlFiles({ model: exampleModel(example), root: join(ROOT, 'examples', example), config: {} });
    const [a, b] = [await build(), await build()];
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
    a.forEach((f, k) => expect(f.content, f.path).toBe(b[k]!.content));
  });

  it('two runs of tor build --format html, in different folders and time zones, write the same bytes', () => {
    const outputs = ['UTC', 'Pacific/Auckland'].map((tz) => {
      const dir = mkdtempSync(join(tmpdir(), 'tor-determinism-'));
      temps.push(dir);
      cpSync(join(ROOT, 'examples', 'isle-of-wight'), join(dir, 'iow'), { recursive: true });
      const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'tor.js'), 'build', 'iow', '--format', 'html'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TZ: tz } });
      expect(run.status, run.stderr).toBe(0);
      const out = join(dir, 'iow', 'dist');
      return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
    });
    expect([...outputs[0]!.keys()].sort()).toEqual([...outputs[1]!.keys()].sort());
    for (const [name, bytes] of outputs[0]!) expect(Buffer.compare(bytes, outputs[1]!.get(name)!), name).toBe(0);
  });
});
