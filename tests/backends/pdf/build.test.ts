import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { publishedDocuments } from '../../../src/backends/document/index.js';
import { compileProject } from '../../../src/cli/project.js';
import { HAVE_POPPLER, headingTree, IN_CI, outline, pdfinfo, titles } from './poppler.js';

/** `tor build --format pdf` on the examples, through the CLI bundle the global setup built. */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'tor.js');
const temp = mkdtempSync(join(tmpdir(), 'tor-pdf-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function tor(args: readonly string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '', ...env }, encoding: 'utf8' });
}

const EXAMPLES = ['isle-of-wight', 'gloucestershire', 'kent'] as const;

describe('tor build --format pdf', () => {
  it.each(EXAMPLES)('writes index.pdf and one PDF per group for %s, the same bytes every time', async (example) => {
    const [a, b] = [join(temp, `${example}-a`), join(temp, `${example}-b`)];
    const first = tor(['build', `examples/${example}`, '--out', a, '--format', 'pdf'], { SOURCE_DATE_EPOCH: '1700000000' });
    expect(first.stderr).not.toContain('internal error');
    expect(first.status).toBe(0);
    const project = await compileProject(join(ROOT, 'examples', example), { today: { year: 2025, month: 1, day: 1 } });
    if (!project.ok) throw new Error('the example does not load');
    const model = project.value.compiled.model!;
    const names = readdirSync(a).filter((n) => n.endsWith('.pdf')).sort();
    expect(names).toEqual(['index.pdf', ...model.groups.map((g) => `${g.id}.pdf`)].sort());

    expect(tor(['build', `examples/${example}`, '--out', b, '--format', 'pdf'], { SOURCE_DATE_EPOCH: '1700000000' }).status).toBe(0);
    for (const name of names) expect(readFileSync(join(b, name)).equals(readFileSync(join(a, name))), name).toBe(true);

    if (!HAVE_POPPLER && !IN_CI) return;
    // Every PDF tagged, A4; each outline the headings of its document.
    const documents = new Map(publishedDocuments(model).map((d) => [`${d.slug}.pdf`, d]));
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(a, name)));
      const info = pdfinfo(bytes);
      expect(info['Tagged'], name).toBe('yes');
      expect(info['Page size'], name).toContain('(A4)');
      expect(info['CreationDate'], name).toMatch(/2023/);
      expect(titles(outline(bytes)), name).toEqual(headingTree(documents.get(name)!.blocks));
    }
  }, 60_000);

  it('refuses a SOURCE_DATE_EPOCH that is not a number, and writes nothing', () => {
    const out = join(temp, 'bad-epoch');
    const run = tor(['build', 'examples/kent', '--out', out, '--format', 'pdf'], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds');
    expect(run.stderr).not.toContain('internal error');
  });
});
