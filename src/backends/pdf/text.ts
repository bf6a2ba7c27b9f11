import type { Inline } from '../document/types.js';

/**
 * Line breaking for the PDF backend, independent of pdfkit: inlines become words made of
 * styled parts, and words are set greedily into lines of a given width. pdfkit's own
 * wrapper cannot mix fonts and tagged links on one line and still report where each line
 * went, which the page layout (orphans, tables, tagging per page) needs.
 */

export type FontName = 'regular' | 'bold' | 'italic';

export interface Style {
  font: FontName;
  size: number;
  color: string;
  /** Raised above the baseline by this many points (footnote markers). */
  rise: number;
  underline: boolean;
}

/** Where a run of text points: a web address, or a named destination in this PDF. */
export type LinkTarget = { kind: 'uri'; href: string } | { kind: 'dest'; name: string; label: string };

/** One styled run of text; `link` is shared by every run of the same link, so its identity groups them. */
export interface Run {
  text: string;
  style: Style;
  link: LinkTarget | undefined;
}

export interface PlacedRun extends Run {
  /** From the start of the line. */
  x: number;
  width: number;
}

export interface Line {
  runs: PlacedRun[];
  width: number;
}

/** Width of `text` in `style`, in points. */
export type Measure = (text: string, style: Style) => number;

interface Word {
  parts: Run[];
  /** Followed by a space in the source (a break opportunity). */
  space: boolean;
}

/** Only web and mail addresses become links; anything else is printed as text. */
export function safeHref(href: string): string | undefined {
  return /^(https?:\/\/|mailto:)/i.test(href.trim()) ? href.trim() : undefined;
}

export interface InlineStyles {
  base: Style;
  strong: Style;
  link: Style;
  footnote: Style;
  /** The markers of the footnotes this document has, so a reference can link to its note. */
  footnotes: ReadonlySet<string>;
}

/** The runs of a piece of inline content, in order. */
export function runsOf(content: readonly Inline[], styles: InlineStyles): Run[] {
  const runs: Run[] = [];
  for (const inline of content) {
    switch (inline.kind) {
      case 'text':
        runs.push({ text: inline.text, style: styles.base, link: undefined });
        break;
      case 'strong':
        runs.push({ text: inline.text, style: styles.strong, link: undefined });
        break;
      case 'link': {
        const href = safeHref(inline.href);
        runs.push(href ? { text: inline.text, style: styles.link, link: { kind: 'uri', href } } : { text: inline.text, style: styles.base, link: undefined });
        break;
      }
      case 'footnote-ref': {
        const link: LinkTarget | undefined = styles.footnotes.has(inline.marker) ? { kind: 'dest', name: footnoteDestination(inline.marker), label: `Note ${inline.marker}` } : undefined;
        runs.push({ text: inline.marker, style: styles.footnote, link });
        break;
      }
    }
  }
  return runs;
}

export function footnoteDestination(marker: string): string {
  return `note-${marker}`;
}

/** Splits runs into words at white space; a word may be made of parts in several styles. */
function wordsOf(runs: readonly Run[]): Word[] {
  const words: Word[] = [];
  let current: Run[] = [];
  const finish = (space: boolean): void => {
    if (current.length > 0) words.push({ parts: current, space });
    else if (space && words.length > 0) words[words.length - 1]!.space = true;
    current = [];
  };
  for (const run of runs) {
    for (const piece of run.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) finish(true);
      else current.push({ ...run, text: piece });
    }
  }
  finish(false);
  return words;
}

/**
 * Sets the runs into lines no wider than `width`.
 * Breaks only at spaces; a word wider than a line is split between characters.
 */
export function breakLines(runs: readonly Run[], width: number, measure: Measure): Line[] {
  const words = wordsOf(runs).flatMap((w) => splitLongWord(w, width, measure));
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  for (const word of words) {
    const w = wordWidth(word, measure);
    const last = line[line.length - 1];
    const gap = last ? spaceWidth(last, measure) : 0;
    if (last && used + gap + w > width + 0.01) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? gap : 0) + w;
    line.push(word);
  }
  if (line.length > 0) lines.push(line);
  return lines.map((l) => place(l, measure));
}

function wordWidth(word: Word, measure: Measure): number {
  return word.parts.reduce((sum, p) => sum + measure(p.text, p.style), 0);
}

function spaceWidth(word: Word, measure: Measure): number {
  const last = word.parts[word.parts.length - 1]!;
  return measure(' ', last.style);
}

function splitLongWord(word: Word, width: number, measure: Measure): Word[] {
  if (wordWidth(word, measure) <= width) return [word];
  const pieces: Word[] = [];
  let parts: Run[] = [];
  let used = 0;
  for (const part of word.parts) {
    let text = '';
    for (const ch of part.text) {
      const w = measure(ch, part.style);
      if (used + w > width && (used > 0 || text !== '')) {
        if (text !== '') parts.push({ ...part, text });
        pieces.push({ parts, space: false });
        parts = [];
        text = '';
        used = 0;
      }
      text += ch;
      used += w;
    }
    if (text !== '') parts.push({ ...part, text });
  }
  pieces.push({ parts, space: word.space });
  return pieces;
}

/** Joins a line's words into runs (a space goes with the run before it) and places them. */
function place(words: readonly Word[], measure: Measure): Line {
  const runs: Run[] = [];
  words.forEach((word) => {
    word.parts.forEach((part, j) => {
      // The space at a line break stays in the text (invisible past the line's end), so the
      // words either side of it are not run together when the text is extracted or read aloud.
      const trailing = j === word.parts.length - 1 && word.space ? ' ' : '';
      const prev = runs[runs.length - 1];
      if (prev && prev.style === part.style && prev.link === part.link) prev.text += part.text + trailing;
      else runs.push({ ...part, text: part.text + trailing });
    });
  });
  let x = 0;
  const placed = runs.map((run) => {
    const width = measure(run.text, run.style);
    const p = { ...run, x, width };
    x += width;
    return p;
  });
  return { runs: placed, width: x };
}

/** The plain text of inline content, as a reader hears it. */
export function plainText(content: readonly Inline[]): string {
  return content.map((i) => (i.kind === 'footnote-ref' ? i.marker : i.text)).join('');
}
