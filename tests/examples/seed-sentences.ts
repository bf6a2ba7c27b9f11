/**
 * Cutting the seed documents into "content sentences", as /work/shared/tools/seed-coverage.mjs
 * does, with two of its slips put right: a paragraph number after a bullet (`- 1.1 The …`) is
 * stripped too, and superscript footnote markers (¹²³) are removed before NFKC turns them into
 * digits ("2018¹" must not become "20181").
 */

/** A sentence of a seed: the text as cut, and where it came from. */
export interface SeedSentence {
  seed: string;
  line: number;
  text: string;
  /** A cell of a table rather than a sentence of running text. */
  cell: boolean;
}

const SUPERSCRIPTS = /[¹²³⁴⁵⁶⁷⁸⁹⁰]/g;

/**
 * Folds text for comparison: superscript footnote markers out, NFKC, curly quotes straight,
 * lower case, `&amp;`, footnote markers (`[1]`, `*`) out, then every run of anything but
 * letters and digits to one space.
 */
export function normalise(text: string): string {
  return text
    .replace(SUPERSCRIPTS, ' ')
    .normalize('NFKC')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .toLowerCase()
    .replace(/&amp;/g, '&')
    .replace(/\[\d+\]/g, ' ')
    .replace(/\*+/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Whether normalised `needle` occurs in normalised `haystack` as whole words. */
export function containsWords(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

/** Number of words of a normalised text. */
export function wordCount(normalised: string): number {
  return normalised === '' ? 0 : normalised.split(' ').length;
}

const BULLET = /^[·•\-*–▪◦]\s+/;
/** `1.1`, `3.2.1`, `3.` — not a bare number, which may start a real sentence. */
const PARAGRAPH_NUMBER = /^(?:\d+(?:\.\d+)+\.?|\d+\.)\s+/;

/** Removes any mix of leading bullet glyphs and paragraph numbers (`· 1.1 Text`, `3. - Text`). */
export function stripMarkers(line: string): string {
  let previous: string;
  do {
    previous = line;
    line = line.replace(BULLET, '').replace(PARAGRAPH_NUMBER, '');
  } while (line !== previous);
  return line;
}

/** The content sentences of one seed: sentences of 5 or more words, table cells of 2 or more. */
export function contentSentences(seed: string, text: string): SeedSentence[] {
  const out: SeedSentence[] = [];
  const lines = text.replace(/\[bookmark: [^\]]*\]/g, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    let line = raw.trim();
    if (!line) return;
    const at = { seed, line: index + 1 };
    if (line.startsWith('|')) {
      const cells = line
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean);
      if (cells.length > 0 && /^\d+$/.test(cells[cells.length - 1]!)) return; // a row of the contents table
      for (const cell of cells) {
        if (!/^-+$/.test(cell) && cell.split(/\s+/).length >= 2) out.push({ ...at, text: cell, cell: true });
      }
      return;
    }
    line = stripMarkers(line);
    if (/^https?:\/\/\S+$/.test(line)) return;
    for (const sentence of line.split(/(?<=[.;])\s+(?=[A-Z])/)) {
      if (sentence.split(/\s+/).length >= 5) out.push({ ...at, text: sentence, cell: false });
    }
  });
  return out;
}

/** A seed's text as one normalised string, for finding a quoted sentence anywhere in it. */
export function normalisedSeed(text: string): string {
  return normalise(text.replace(/\[bookmark: [^\]]*\]/g, ''));
}

/** `.tor` source without its comment lines (comments are never published). */
export function withoutComments(source: string): string {
  return source
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

/**
 * A `.tor` source cut into normalised blocks that a seed sentence must lie within: a new block
 * starts at a blank line and at each list item or footnote (`- `, `1. `, `*`, `[1]`), so a
 * sentence cannot be "found" by running the end of one list item into the next. Lines of one
 * paragraph or item stay together (wrapped prose), as do a `key:` and the text under it.
 */
export function proseBlocks(source: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const text = normalise(current.join(' '));
    if (text) blocks.push(text);
    current = [];
  };
  for (const line of source.split(/\r?\n/)) {
    const text = line.trim();
    if (text === '' || /^(?:- |\d+[.)] |\*|\[\d+\])/.test(text)) flush();
    if (text) current.push(text);
  }
  flush();
  return blocks;
}
