import * as fontkit from 'fontkit';
import type { Font, GlyphRun } from 'fontkit';
import PDFDocument from 'pdfkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFonts, type PdfFonts } from '../../../src/backends/pdf/fonts.js';
import { Shaper, type ShapingFont } from '../../../src/backends/pdf/shaping.js';
import { plainCharacters } from '../../../scripts/font-metrics.js';

/**
 * The Shaper shapes each word once and makes pdfkit's "word " from it and the space. That is
 * exact only while no substitution or kerning of the shipped fonts involves the space: checked
 * here for every character each font has, and against pdfkit's own measure on running text.
 */

const fonts = await loadFonts();
const NAMES = ['regular', 'bold', 'italic'] as const satisfies ReadonlyArray<keyof PdfFonts>;
const parse = (bytes: Uint8Array): Font => fontkit.create(Buffer.from(bytes)) as Font;

const glyphsOf = (run: GlyphRun) => run.glyphs.map((g, k) => [g.id, run.positions[k]!.xAdvance, run.positions[k]!.xOffset, run.positions[k]!.yOffset]);

describe.each(NAMES)('the shipped %s font', (name) => {
  it('shapes every character followed by a space as the character, then the space', () => {
    const font = parse(fonts[name]);
    const space = glyphsOf(font.layout(' '));
    const differ: string[] = [];
    for (const code of font.characterSet) {
      if (code <= 32 || (code >= 0xd800 && code < 0xe000)) continue;
      const c = String.fromCodePoint(code);
      if (JSON.stringify(glyphsOf(font.layout(`${c} `))) !== JSON.stringify([...glyphsOf(font.layout(c)), ...space])) differ.push(c);
    }
    expect(differ).toEqual([]);
  }, 30_000);

  it('measures text to the last bit as pdfkit does, and gives pdfkit the same glyphs to draw', () => {
    const text = [
      'The Isle of Wight Safeguarding Children Partnership’s arrangements, effective 1 September 2024:',
      'officers “fi fl ffi” —  two  spaces,\ta tab, naïve café, Œuvre, 12½ %, https://example.org/a/long/path ',
      'Ä Å Ç Ğ İ Ł Ñ Ő Š Ţ Ŭ Ž ǅ — Ελληνικά, Кириллица',
    ];
    const shaper = new Shaper(parse(fonts[name]) as unknown as ShapingFont);
    const doc = new PDFDocument({ font: null as unknown as string });
    doc.registerFont(name, Buffer.from(fonts[name]));
    doc.font(name).fontSize(1);
    const embedded = (doc as unknown as { _font: { layout(text: string): { glyphs: Array<{ id: number }>; positions: unknown[] }; layoutCache?: object } })._font;
    for (const line of text) {
      for (const piece of [line, ...line.split(/(?<=\s)/)]) {
        expect(shaper.width(piece), piece).toBe(doc.widthOfString(piece));
        const theirs = embedded.layout(piece);
        const own = embedded.layoutCache;
        embedded.layoutCache = shaper.runs;
        const drawn = embedded.layout(piece);
        embedded.layoutCache = own;
        expect(drawn.glyphs.map((g) => g.id), piece).toEqual(theirs.glyphs.map((g) => g.id));
        expect(drawn.positions, piece).toEqual(theirs.positions);
      }
    }
  });

  it('shapes plain words (by pairs, or without the mark features) exactly as with every default feature', () => {
    const plain = plainCharacters().map((c) => String.fromCharCode(c));
    const font = parse(fonts[name]);
    const shaper = new Shaper(font as unknown as ShapingFont);
    const reference = parse(fonts[name]);
    const scale = 1000 / reference.unitsPerEm;
    const differ: string[] = [];
    const compare = (word: string) => {
      const theirs = reference.layout(word);
      const ours = shaper.runs[word] ?? (shaper.width(word), shaper.runs[word]!);
      const same =
        JSON.stringify(ours.glyphs.map((g) => g.id)) === JSON.stringify(theirs.glyphs.map((g) => g.id)) &&
        ours.positions.every((p, k) => p['xAdvance'] === theirs.positions[k]!.xAdvance * scale && p['xOffset'] === theirs.positions[k]!.xOffset * scale && p['yOffset'] === theirs.positions[k]!.yOffset * scale);
      if (!same) differ.push(word);
    };
    for (const c of plain) if (c !== ' ') compare(c);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...plain.filter((c) => c !== ' ')), { minLength: 2, maxLength: 8 }), (chars) => compare(chars.join(''))),
      { numRuns: 3000 },
    );
    // Letters that form ligatures and kern most, packed close so that every pair and triple occurs.
    const dense = [...'ffiiljtTAVWYyoaeLP.,-’”'];
    for (const a of dense) for (const b of dense) for (const c of dense) compare(a + b + c);
    fc.assert(fc.property(fc.array(fc.constantFrom(...dense), { minLength: 4, maxLength: 10 }), (chars) => compare(chars.join(''))), { numRuns: 2000 });
    expect(differ).toEqual([]);
  }, 30_000);
});
