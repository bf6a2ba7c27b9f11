/**
 * Text shaping for the PDF backend, shared by the line breaker and by pdfkit. Shaping a word
 * with fontkit (its OpenType substitutions and kerning) is the slowest step of making a PDF,
 * so every word is shaped once per process and font, and the result serves both purposes:
 * measuring it for the line breaker, and drawing it (a Shaper's `runs` is the layout cache
 * of every pdfkit font made from the same parsed font).
 *
 * pdfkit shapes text in chunks that end after each space or tab ("word ", "word"), so the
 * line breaker's bare "word" and pdfkit's "word " would be shaped apart. They are not: "word "
 * is the shaped "word" followed by the shaped space. That is exact for the shipped fonts, in
 * which no substitution or kerning involves the space (tests/backends/pdf/shaping.test.ts
 * checks every character of each), and it halves the shaping.
 */

/** The parts of a fontkit font used here. */
export interface ShapingFont {
  unitsPerEm: number;
  layout(text: string, features?: Readonly<Record<string, boolean>>): ShapedRun;
  glyphForCodePoint(codePoint: number): Glyph;
}

/**
 * The default features that only act on combining marks and their sequences. The shipped fonts'
 * mark positioning tables are the largest they have, and a word of Latin letters and punctuation
 * has no mark for them to act on, so such a word is shaped without them (the result is the same,
 * to the glyph and the unit: tests/backends/pdf/shaping.test.ts); any other word gets them all.
 */
const MARK_FEATURES_OFF: Readonly<Record<string, boolean>> = { ccmp: false, locl: false, mark: false, mkmk: false };

/** Printable Latin-1, general punctuation (dashes, quotes, bullet, ellipsis; not the separators and direction controls) and the euro sign. */
export function isPlainText(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || c === 0x20ac)) return false;
  }
  return true;
}

interface Glyph {
  id: number;
  advanceWidth: number;
  /** What the glyph stands for: pdfkit writes it into the PDF's ToUnicode map, for copying and search. */
  codePoints: number[];
}

/** A shaped run as pdfkit keeps it: positions in thousandths of an em, with each glyph's own advance. */
export interface ShapedRun {
  glyphs: Glyph[];
  positions: Array<Record<string, number>>;
  readonly advanceWidth: number;
}

/**
 * What the Shaper needs of a font for plain text, worked out ahead of time by
 * `npm run fonts:metrics` (scripts/font-metrics.ts) for each shipped font, so that drawing plain
 * text never asks fontkit to decode the font's layout tables or shape a pair (about a tenth of
 * a build). Every number is what fontkit gives for the font with the same `sha256`.
 */
export interface FontMetrics {
  /** Of the font file these metrics were made from: they serve no other. */
  sha256: string;
  /** Each plain character the font's cmap maps: code, glyph id, advance width (font units), as triples. */
  glyphs: number[];
  /** By first character: the second characters it kerns with and by how much (font units), as pairs. */
  kerning: Record<string, number[]>;
  /** Pairs of plain characters whose shaping does more than kern (a ligature, say), as pairs. */
  shaped: number[];
}

export class Shaper {
  /** pdfkit's layout cache for this font, by chunk (see EmbeddedFont.layoutCached). */
  readonly runs: Record<string, ShapedRun> = Object.create(null) as Record<string, ShapedRun>;
  private readonly widths = new Map<string, number>();
  private readonly glyphs = new Map<number, Glyph>();
  /** Kerning by pair of characters (first × 0x10000 + second); null for a pair that is not only kerned. */
  private readonly pairs = new Map<number, number | null>();
  /** The first characters whose row of `metrics.kerning` has been read into `pairs`. */
  private readonly rowsRead = new Set<number>();
  private readonly scale: number;

  constructor(
    private readonly font: ShapingFont,
    private readonly metrics?: FontMetrics,
  ) {
    this.scale = 1000 / font.unitsPerEm;
    if (metrics) {
      const g = metrics.glyphs;
      for (let k = 0; k < g.length; k += 3) {
        this.glyphs.set(g[k]!, { id: g[k + 1]!, advanceWidth: g[k + 2]!, codePoints: [g[k]!] });
        // fontkit keeps one glyph object per glyph, with the code points it was first made for,
        // and a ligature takes its code points from its parts' objects. pdfkit's font subset makes
        // objects with none; made here first, a later "ff" still copies and searches as "ff".
        font.glyphForCodePoint(g[k]!);
      }
      for (let k = 0; k < metrics.shaped.length; k += 2) this.pairs.set(metrics.shaped[k]! * 0x10000 + metrics.shaped[k + 1]!, null);
    }
  }

  /** The width of `text` at 1 pt, exactly as pdfkit's `widthOfString` gives it at font size 1. */
  width(text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      let advance = 0;
      let last = 0;
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c === 32 || c === 9) {
          advance += this.run(text.slice(last, k + 1)).advanceWidth;
          last = k + 1;
        }
      }
      if (last < text.length) advance += this.run(text.slice(last)).advanceWidth;
      // The same arithmetic as pdfkit's, to the last bit: (advance × size / 1000 + spacing) × scaling / 100.
      width = ((advance * (1 / 1000) + 0) * 100) / 100;
      this.widths.set(text, width);
    }
    return width;
  }

  /** One chunk of pdfkit's: a word (no space or tab in it) and at most one space or tab after it. */
  private run(chunk: string): ShapedRun {
    let run = this.runs[chunk];
    if (run === undefined) {
      if (chunk.length > 1 && chunk.charCodeAt(chunk.length - 1) === 32) {
        const word = this.run(chunk.slice(0, -1));
        const space = this.run(' ');
        // advanceWidth sums the same numbers in the same order as fontkit's getter over the positions.
        run = { glyphs: [...word.glyphs, ...space.glyphs], positions: [...word.positions, ...space.positions], advanceWidth: word.advanceWidth + space.advanceWidth };
      } else {
        run = this.shape(chunk);
      }
      this.runs[chunk] = run;
    }
    return run;
  }

  /** What pdfkit's EmbeddedFont.layoutRun does: shape with the default features, scale to thousandths of an em. */
  private shape(text: string): ShapedRun {
    if (!isPlainText(text)) return this.scaled(this.font.layout(text));
    return this.byPairs(text) ?? this.scaled(this.font.layout(text, MARK_FEATURES_OFF));
  }

  private scaled(run: ShapedRun): ShapedRun {
    for (let k = 0; k < run.positions.length; k++) {
      const position = run.positions[k]!;
      for (const key in position) position[key]! *= this.scale;
      position['advanceWidth'] = run.glyphs[k]!.advanceWidth * this.scale;
    }
    return run;
  }

  /**
   * A plain word shaped from its letters' glyphs and the kerning of each pair of neighbours,
   * or undefined when a pair does more than kern (a ligature). The shipped fonts kern only by
   * pairs (their `kern` lookups are all pair adjustments), so this is what shaping the whole word
   * gives, but each pair is shaped once for every word it occurs in: far fewer calls to fontkit.
   */
  private byPairs(text: string): ShapedRun | undefined {
    const glyphs: Glyph[] = [];
    for (let k = 0; k < text.length; k++) glyphs.push(this.glyph(text.charCodeAt(k)));
    const positions: Array<Record<string, number>> = [];
    let advanceWidth = 0;
    for (let k = 0; k < glyphs.length; k++) {
      const kerning = k + 1 < glyphs.length ? this.kerning(text.charCodeAt(k), text.charCodeAt(k + 1)) : 0;
      if (kerning === undefined) return undefined;
      const own = glyphs[k]!.advanceWidth;
      const xAdvance = (own + kerning) * this.scale;
      positions.push({ xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: own * this.scale });
      advanceWidth += xAdvance;
    }
    return { glyphs, positions, advanceWidth };
  }

  private glyph(code: number): Glyph {
    let glyph = this.glyphs.get(code);
    if (!glyph) this.glyphs.set(code, (glyph = this.font.glyphForCodePoint(code)));
    return glyph;
  }

  /** How much a pair of characters moves the second glyph, in font units; undefined when shaping the pair does anything else. */
  private kerning(first: number, second: number): number | undefined {
    const key = first * 0x10000 + second;
    let kerning = this.pairs.get(key);
    if (kerning === undefined && this.metrics && this.glyphs.has(first) && this.glyphs.has(second)) {
      if (!this.rowsRead.has(first)) {
        this.rowsRead.add(first);
        const row = this.metrics.kerning[first] ?? [];
        for (let k = 0; k < row.length; k += 2) this.pairs.set(first * 0x10000 + row[k]!, row[k + 1]!);
      }
      kerning = this.pairs.get(key) ?? 0;
    }
    if (kerning === undefined) {
      kerning = pairKerning(this.font, first, second);
      this.pairs.set(key, kerning);
    }
    return kerning ?? undefined;
  }
}

/**
 * How much shaping a pair of characters moves the second glyph (font units), or null when it
 * does anything else: substitutes a glyph, moves one up or down, or moves the first.
 */
export function pairKerning(font: ShapingFont, first: number, second: number): number | null {
  const run = font.layout(String.fromCharCode(first, second), MARK_FEATURES_OFF);
  const [a, b] = run.glyphs;
  const [p, q] = run.positions;
  const onlyKerned =
    run.glyphs.length === 2 && a!.id === font.glyphForCodePoint(first).id && b!.id === font.glyphForCodePoint(second).id &&
    p!['xOffset'] === 0 && p!['yOffset'] === 0 && p!['yAdvance'] === 0 &&
    q!['xAdvance'] === b!.advanceWidth && q!['xOffset'] === 0 && q!['yOffset'] === 0 && q!['yAdvance'] === 0;
  return onlyKerned ? p!['xAdvance']! - a!.advanceWidth : null;
}
