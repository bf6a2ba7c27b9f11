/**
 * Fidelity, the PDF half: every prose sentence and every structured fact of the seeds is in the
 * text of the PDFs `tor build --format pdf` writes (see ../fidelity.ts for what is looked for,
 * and where), as pdftotext reads it back.
 *
 * Reading the text back: each page is cropped to the type area, so the running header (the
 * document's title, at 46 pt from the top) and the page number (40 pt from the foot) do not
 * interrupt a sentence that runs over a page break; then `normalise` turns every line break
 * and page break into a space. Nothing is de-hyphenated: the PDF backend breaks lines only at
 * spaces and never inserts a hyphen (src/backends/pdf/text.ts), so a hyphen at a line's end is
 * the source's own ("decision-" / "making" reads as "decision making", as the seed normalises).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalise } from '../../examples/seed-sentences.js';
import { FIDELITY_EXAMPLES, findSeeds } from '../fidelity.js';
import { ROOT } from '../html/html.js';
import { HAVE_POPPLER, IN_CI } from './poppler.js';

const BIN = join(ROOT, 'bin', 'tor.js');
const temp = mkdtempSync(join(tmpdir(), 'tor-pdf-fidelity-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The type area of an A4 page in points (pdftotext's default 72 dpi): below the header, above the page number. */
const CROP = { x: 0, y: 60, width: 596, height: 725 };

function bodyText(pdf: string): string {
  const crop = ['-x', String(CROP.x), '-y', String(CROP.y), '-W', String(CROP.width), '-H', String(CROP.height)];
  return execFileSync('pdftotext', [...crop, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe.skipIf(!HAVE_POPPLER && !IN_CI)('fidelity: the PDFs hold every sentence and fact of the seeds', () => {
  for (const { name } of FIDELITY_EXAMPLES) {
    it(name, () => {
      const out = join(temp, name);
      const build = spawnSync(process.execPath, [BIN, 'build', `examples/${name}`, '--out', out, '--format', 'pdf'], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' },
        encoding: 'utf8',
      });
      expect(build.stderr).not.toContain('internal error');
      expect(build.status).toBe(0);
      const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'));
      const text = new Map(pdfs.map((f) => [f.replace(/\.pdf$/, ''), normalise(bodyText(join(out, f)))]));
      const { prose, facts, missing } = findSeeds(name, text, 'PDFs');
      console.log(`${name}: ${prose.found}/${prose.total} prose sentences and ${facts.found}/${facts.total} structured facts found in ${pdfs.length} PDFs`);
      expect(missing).toEqual([]);
      expect(prose.total).toBeGreaterThan(0);
      expect(pdfs).toContain('index.pdf');
    }, 60_000);
  }
});
