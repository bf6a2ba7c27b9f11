import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFonts, shippedFontMetrics, type PdfFonts } from '../../../src/backends/pdf/fonts.js';
import { Shaper, type ShapingFont } from '../../../src/backends/pdf/shaping.js';
import { METRICS_PATH, metricsModule, plainCharacters, REGENERATE_COMMAND } from '../../../scripts/font-metrics.js';

const fonts = await loadFonts();
const NAMES = ['regular', 'bold', 'italic'] as const satisfies ReadonlyArray<keyof PdfFonts>;
const parse = (bytes: Uint8Array): ShapingFont => fontkit.create(Buffer.from(bytes)) as unknown as ShapingFont;

describe('the font metrics made ahead of time', () => {
  it(`are up to date with the shipped fonts and fontkit (else run \`${REGENERATE_COMMAND}\`)`, async () => {
    expect(readFileSync(METRICS_PATH, 'utf8') === (await metricsModule()), `${METRICS_PATH} is out of date: run ${REGENERATE_COMMAND}`).toBe(true);
  }, 60_000);

  it('serve the shipped fonts only', () => {
    for (const name of NAMES) expect(shippedFontMetrics(name, fonts[name])?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(shippedFontMetrics('regular', fonts.bold)).toBeUndefined();
    const changed = Uint8Array.from(fonts.italic);
    changed[changed.length - 1] = changed[changed.length - 1]! ^ 1;
    expect(shippedFontMetrics('italic', changed)).toBeUndefined();
  });

  it('leave a ligature its code points even when pdfkit has made its parts without any', () => {
    const font = parse(fonts.regular);
    const metrics = shippedFontMetrics('regular', fonts.regular)!;
    const shaper = new Shaper(font, metrics);
    // What embedding a subset of the font does for every glyph a document used: make it by id alone.
    const idOf = (c: string): number => metrics.glyphs[metrics.glyphs.indexOf(c.charCodeAt(0)) + 1]!;
    for (const c of 'abcdefghijklmnopqrstuvwxyz') (font as unknown as Font).getGlyph(idOf(c));
    shaper.width('effective');
    const glyphs = shaper.runs['effective']!.glyphs;
    expect(glyphs.length).toBe(8);
    expect(glyphs.flatMap((g) => g.codePoints)).toEqual([...'effective'].map((c) => c.charCodeAt(0)));
  });

  describe.each(NAMES)('of the %s font', (name) => {
    const plain = plainCharacters().map((c) => String.fromCharCode(c)).filter((c) => c !== ' ');
    // Kerned often, ligatures (ff, ft), and the fraction slash, which digits shape around.
    const dense = [...'ffttiIlAVWYTyoae.,-’”1/⁄'];

    it('shape plain words to the same glyphs and positions as fontkit', () => {
      const withMetrics = new Shaper(parse(fonts[name]), shippedFontMetrics(name, fonts[name]));
      const byFontkit = new Shaper(parse(fonts[name]));
      const runOf = (shaper: Shaper, word: string) => (shaper.width(word), shaper.runs[word]!);
      const same = (word: string): boolean => {
        const ours = runOf(withMetrics, word);
        const theirs = runOf(byFontkit, word);
        return (
          JSON.stringify(ours.glyphs.map((g) => [g.id, g.advanceWidth])) === JSON.stringify(theirs.glyphs.map((g) => [g.id, g.advanceWidth])) &&
          JSON.stringify(ours.positions) === JSON.stringify(theirs.positions) &&
          ours.advanceWidth === theirs.advanceWidth
        );
      };
      const differ = plain.filter((c) => !same(c));
      // What pdfkit writes into the ToUnicode map: the character itself, also where glyphs are shared (hyphen, soft hyphen).
      for (const c of plain) expect(runOf(withMetrics, c).glyphs.map((g) => g.codePoints)).toEqual([[c.charCodeAt(0)]]);
      for (const a of dense) for (const b of dense) for (const c of dense) if (!same(a + b + c)) differ.push(a + b + c);
      expect(differ).toEqual([]);
      fc.assert(fc.property(fc.array(fc.constantFrom(...plain), { minLength: 2, maxLength: 12 }), (chars) => same(chars.join(''))), { numRuns: 2000 });
    }, 60_000);
  });
});
