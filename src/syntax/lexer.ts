import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { mergeKeywords } from './keywords.js';
import { Dedent, FreeText, Indent, Newline, ProseBlank, ProseLine } from './tokens.js';
import { scanWords } from './words.js';

/** A comment line, kept for the formatter. */
export interface Comment {
  /** The text after `#`, as written. */
  text: string;
  line: number;
  offset: number;
}

export interface LexResult {
  tokens: IToken[];
  comments: Comment[];
  diagnostics: Diagnostic[];
}

const PROSE_HEADER =
  /^(?:purpose|objectives|key\s+objectives|responsibilities|accountability|membership|summary|relevant\s+agencies|functional\s+links)\s*:\s*$|^support\s+from\b.*:\s*$/i;
const STRUCTURED_HEADER = /^(?:members|executive\s+members|non-executive\s+members|observers|deputies)\s*:\s*$/i;
/** Inside prose only `section <id>:` in lower case starts a sub-section, so "Section 11: …" stays prose. */
const SECTION_HEADER = /^section\s+[a-z][a-z0-9-]*\s*:/;
/** A structured line is read case-blind, so `Section intro: …` there declares a section too. */
const SECTION_DECLARATION = /^section\s+[^\s:]+\s*:/i;
const ENDS_WITH_COLON = /:\s*$/;

/**
 * Lines that end in free text: a declaration's title, a field's value, a holder's name.
 * The text is one token; splitting it into words only for the parser to glue them back
 * would be most of the work on a title-heavy file. (A line that does not match, such as a
 * header missing its colon, is lexed word by word and gets its precise message.)
 */
const TEXT_AFTER =
  /^(?:(?:partnership(?![ \t]+chair[ \t]*:)|organi[sz]ation|group|section|post|unit|collaboration)[ \t]+[^\s:]+[ \t]*:|(?:short[ \t]+name|document[ \t]+title|area|kind|joint[ \t]+with|if[ \t]+(?:in|not[ \t]+)quorate)[ \t]*:|(?:held[ \t]+by|include|support[ \t]+from)(?=[ \t]))[ \t]*(?=\S)/i;

type Mode = 'structured' | 'prose' | 'section';

interface Frame {
  mode: Mode;
  /** Indentation of the line that opened the block (-1 for the file). */
  headerIndent: number;
  /** Indentation of the block's own lines. */
  indent: number;
}

export interface Line {
  /** Position in the file's line table. */
  index: number;
  number: number;
  start: number;
  /** Offset just after the line's last character (before its line break). */
  end: number;
  indent: number;
  /** Offset of the first non-blank character. */
  contentStart: number;
  /** Whether the indentation contains a tab. */
  tab: boolean;
}

/**
 * What the layout pass saw, in order: a line's index in the line table and what it is,
 * packed in one number so a large file does not cost an object per line.
 */
const EventKind = { indent: 0, dedent: 1, structured: 2, prose: 3, blank: 4 } as const;
type EventKind = (typeof EventKind)[keyof typeof EventKind];
const event = (kind: EventKind, line: Line): number => line.index * 8 + kind;

/** What kind of block a structured line opens if lines indented under it follow. */
function blockModeAfter(content: string): Mode {
  if (SECTION_DECLARATION.test(content)) return 'section';
  if (STRUCTURED_HEADER.test(content)) return 'structured';
  if (PROSE_HEADER.test(content)) return 'prose';
  // A declaration whose title ends in `:` ("group g: Support Team:") still opens statements.
  if (TEXT_AFTER.test(content)) return 'structured';
  // An unknown `key:` opens prose, so a misspelt prose header costs one diagnostic, not one per line.
  return ENDS_WITH_COLON.test(content) ? 'prose' : 'structured';
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 1;
  const n = text.length;
  // Most files use \n only; then indexOf finds line ends without looking at every character.
  const carriageReturns = text.includes('\r');
  while (start <= n) {
    let end = start;
    if (carriageReturns) {
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 10 || c === 13) break;
        end++;
      }
    } else {
      end = text.indexOf('\n', start);
      if (end < 0) end = n;
    }
    let contentStart = start;
    let indent = 0;
    let tab = false;
    while (contentStart < end) {
      const c = text.charCodeAt(contentStart);
      if (c === 32) indent++;
      else if (c === 9) {
        indent += 2;
        tab = true;
      } else break;
      contentStart++;
    }
    lines.push({ index: lines.length, number, start, end, indent, contentStart, tab });
    if (end >= n) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    number++;
  }
  return lines;
}

/**
 * Blocks inside blocks: a partnership's deepest real nesting is a section inside a section of a
 * group's prose. The builder, the printer and the backends all walk blocks, so a file nested
 * thousands deep is refused here rather than overflowing the stack there.
 */
export const MAX_BLOCK_DEPTH = 16;

/**
 * Turns a `.tor` file into tokens. A layout pass reads the lines: indentation becomes
 * Indent/Dedent tokens, lines inside prose blocks become one ProseLine token each, and
 * comment lines are set aside. The remaining (structured) lines are split into words
 * (words.ts), and keyword phrases are merged (keywords.ts).
 */
export function lex(text: string, file: string): LexResult {
  const lines = splitLines(text);
  return lexLines(text, file, lines, 0, lines.length);
}

/**
 * The lines of a file in pieces that lex alone exactly as they lex together: each piece but the
 * first begins at a declaration written at the left margin, which closes every open block.
 * Building a large file one piece at a time lets each piece's tokens be collected young.
 */
export function* declarationPieces(text: string, lines: readonly Line[]): Generator<[from: number, to: number]> {
  let from = 0;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.contentStart === line.start && line.contentStart < line.end && text.charCodeAt(line.start) !== 35 /* # */) {
      yield [from, k];
      from = k;
    }
  }
  yield [from, lines.length];
}

/** Lexes the lines `from` to `to` (exclusive) of a file's line table as if they were the whole file. */
export function lexLines(text: string, file: string, lines: readonly Line[], from: number, to: number): LexResult {
  const diagnostics: Diagnostic[] = [];
  const comments: Comment[] = [];
  const events: number[] = [];
  const frames: Frame[] = [{ mode: 'structured', headerIndent: -1, indent: 0 }];
  let pending: { mode: Mode; headerIndent: number } | undefined;
  let blanks: Line[] = [];
  let linesInBlock = 0;
  /** While set, lines indented deeper than this are inside a block nested too deep, and skipped. */
  let skipDeeperThan: number | undefined;

  const pos = (offset: number, line: Line) => ({ line: line.number, column: offset - line.start + 1, offset });
  const spanOf = (line: Line, from: number, to: number) => ({ file, start: pos(from, line), end: pos(to, line) });

  for (let k = from; k < to; k++) {
    const line = lines[k]!;
    const first = text.charCodeAt(line.contentStart);
    if (line.contentStart >= line.end) {
      blanks.push(line);
      continue;
    }
    if (first === 35 /* # */) {
      comments.push({ text: text.slice(line.contentStart + 1, line.end), line: line.number, offset: line.contentStart });
      continue;
    }
    if (line.tab) {
      diagnostics.push(
        diagnostic('syntax/tab-indent', 'error', spanOf(line, line.start, line.contentStart), 'This line is indented with a tab.', 'Indent with spaces: two for each level. `tor fmt --write` does it for you.'),
      );
    }
    const i = line.indent;
    if (skipDeeperThan !== undefined) {
      if (i > skipDeeperThan) continue;
      skipDeeperThan = undefined;
    }
    if (pending && i > pending.headerIndent && frames.length > MAX_BLOCK_DEPTH) {
      diagnostics.push(
        diagnostic(
          'syntax/too-deep',
          'error',
          spanOf(line, line.start, line.contentStart),
          `This line opens a block nested ${frames.length} deep; tor reads at most ${MAX_BLOCK_DEPTH} levels.`,
          'Indent less: a group, its lists and its sections need only a few levels.',
        ),
      );
      skipDeeperThan = pending.headerIndent;
      continue;
    }
    if (pending && i > pending.headerIndent) {
      frames.push({ mode: pending.mode, headerIndent: pending.headerIndent, indent: i });
      events.push(event(EventKind.indent, line));
      linesInBlock = 0;
      blanks = [];
    } else {
      closeBlocks(i, line);
    }
    pending = undefined;
    const top = frames[frames.length - 1]!;
    if (top.mode === 'structured' || (top.mode === 'section' && text.startsWith('section', line.contentStart) && SECTION_HEADER.test(text.slice(line.contentStart, line.end)))) {
      events.push(event(EventKind.structured, line));
      pending = { mode: blockModeAfter(text.slice(line.contentStart, line.end)), headerIndent: i };
      blanks = [];
    } else {
      if (linesInBlock > 0) for (const b of blanks) events.push(event(EventKind.blank, b));
      blanks = [];
      events.push(event(EventKind.prose, line));
      linesInBlock++;
    }
  }
  const lastLine = lines[to - 1]!;
  for (let k = frames.length - 1; k > 0; k--) events.push(event(EventKind.dedent, lastLine));

  function closeBlocks(i: number, line: Line): void {
    for (;;) {
      const top = frames[frames.length - 1]!;
      if (top.mode !== 'structured') {
        if (i > top.headerIndent) return;
        frames.pop();
        events.push(event(EventKind.dedent, line));
        continue;
      }
      if (i === top.indent || frames.length === 1) {
        if (i !== top.indent) unexpectedIndent(line, top.indent);
        return;
      }
      if (i > top.indent) {
        unexpectedIndent(line, top.indent);
        return;
      }
      frames.pop();
      events.push(event(EventKind.dedent, line));
      const parent = frames[frames.length - 1]!;
      if (parent.mode === 'structured' && i > parent.indent && i < top.indent) {
        diagnostics.push(
          diagnostic(
            'syntax/indentation',
            'error',
            spanOf(line, line.start, line.contentStart),
            `This line is indented ${i} spaces, which lines up with no block above it (${parent.indent} or ${top.indent} spaces).`,
            'Indent it like the statements it belongs with.',
          ),
        );
        return;
      }
    }
  }

  function unexpectedIndent(line: Line, expected: number): void {
    diagnostics.push(
      diagnostic(
        'syntax/indentation',
        'error',
        spanOf(line, line.start, line.contentStart),
        `This line is indented ${line.indent} spaces, but the statements around it are indented ${expected}.`,
        'Line it up with the statements above it, or put it under a line that opens a block (one ending in `:`).',
      ),
    );
  }

  return { tokens: buildTokens(text, lines, events), comments, diagnostics };
}

/** A token the layout pass makes. One with no text ends where it starts, so a span ending on it stays on its line. */
function virtualToken(type: TokenType, line: Line, offset: number, image = ''): IToken {
  const column = offset - line.start + 1;
  return createTokenInstance(type, image, offset, offset + image.length - 1, line.number, line.number, column, column + image.length - 1);
}

/** Interleaves layout, prose and the words of structured lines, in the order of the lines. */
function buildTokens(text: string, lines: readonly Line[], events: readonly number[]): IToken[] {
  const out: IToken[] = [];
  for (const e of events) {
    const line = lines[e >> 3]!;
    switch ((e & 7) as EventKind) {
      case EventKind.indent:
        out.push(virtualToken(Indent, line, line.contentStart));
        break;
      case EventKind.dedent:
        out.push(virtualToken(Dedent, line, line.contentStart));
        break;
      case EventKind.blank:
        out.push(virtualToken(ProseBlank, line, line.start));
        break;
      case EventKind.prose:
        out.push(virtualToken(ProseLine, line, line.contentStart, text.slice(line.contentStart, line.end).trimEnd()));
        break;
      case EventKind.structured: {
        // Where a line ends in free text, only its head is split into words; the rest is one token.
        const m = TEXT_AFTER.exec(text.slice(line.contentStart, Math.min(line.end, line.contentStart + 200)));
        const at = m ? line.contentStart + m[0].length : -1;
        const words: IToken[] = [];
        scanWords(text, line, line.contentStart, at >= 0 ? at : line.end, words);
        for (const t of mergeKeywords(words, text)) out.push(t);
        if (at >= 0) out.push(virtualToken(FreeText, line, at, text.slice(at, line.end).trimEnd()));
        out.push(virtualToken(Newline, line, line.end));
        break;
      }
    }
  }
  return out;
}
