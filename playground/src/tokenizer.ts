import { keywordTokens, MONTHS, NUMBER_WORDS } from '../../src/syntax/tokens.js';

/**
 * The highlighter's tokenizer: one line at a time, with a small state carried from line to
 * line, so the editor can re-highlight only what changed. It follows the compiler's layout
 * rules (src/syntax/lexer.ts) closely enough to colour a file the way tor reads it: a line
 * ending in `:` opens a prose block (except `members:` and the other member lists, and
 * `section <id>:`, whose body is prose with sub-sections), and the lines indented under it are
 * prose until the indentation comes back. It never reports errors; the compiler does that.
 */

export type TokenKind =
  /** `# …` */
  | 'comment'
  /** A keyword phrase: `group`, `chaired by`, `quorate when`, a header such as `purpose`. */
  | 'keyword'
  /** The id a declaration introduces: `executive` in `group executive: …`. */
  | 'definition'
  /** An id used as a reference, or any other word of a structured line. */
  | 'name'
  /** Free text after a declaration's or field's colon: a title, a holder's name. */
  | 'string'
  /** Digits, numbers in words, ISO dates. */
  | 'number'
  /** Month names. */
  | 'atom'
  /** `:` `,` `(` `)` and a bullet's `-`. */
  | 'punctuation'
  /** A line of prose. */
  | 'prose';

export interface Token {
  /** Offsets within the line; `to` is exclusive. */
  from: number;
  to: number;
  kind: TokenKind;
}

interface Block {
  /** Whether the lines of this block are prose (`section` bodies are prose with sub-sections). */
  mode: 'structured' | 'prose' | 'section';
  /** Indentation of the line that opened the block. */
  headerIndent: number;
}

/** What the tokenizer carries from one line to the next. Treat as immutable. */
export interface LineState {
  readonly blocks: readonly Block[];
  /** The mode of the block the previous line opens, if lines indented under it follow. */
  readonly opens: { mode: Block['mode']; indent: number } | undefined;
}

export const START: LineState = { blocks: [], opens: undefined };

const DECLARATIONS = /^(partnership|organi[sz]ation|group|section|post|unit|collaboration)(\s+)([^\s:]+)(\s*)(:?)/i;
const FIELD = /^(short\s+name|document\s+title|area|kind|joint\s+with|if\s+inquorate|if\s+not\s+quorate)(\s*)(:)/i;
const TEXT_AFTER_PHRASE = /^(held\s+by|include|support\s+from)(\s+)/i;
const STRUCTURED_HEADER = /^(?:members|executive\s+members|non-executive\s+members|observers|deputies)\s*:\s*$/i;
const SECTION_HEADER = /^section\s+[a-z][a-z0-9-]*\s*:/;
const WORD = /[^\s:,()]+/y;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_SET: ReadonlySet<string> = new Set(MONTHS);

/** Keyword phrases by first word, longest first, as the compiler merges them. */
const PHRASES: ReadonlyMap<string, readonly string[][]> = (() => {
  const map = new Map<string, string[][]>();
  for (const type of keywordTokens) {
    for (const phrase of type.phrases) {
      const words = phrase.split(' ');
      const list = map.get(words[0]!) ?? [];
      list.push(words);
      map.set(words[0]!, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

/** The tokens of one line and the state for the next. Blank lines leave the state alone. */
export function tokenizeLine(line: string, state: LineState): { tokens: Token[]; state: LineState } {
  const start = line.search(/\S/);
  if (start < 0) return { tokens: [], state };
  const indent = indentWidth(line.slice(0, start));
  if (line[start] === '#') return { tokens: [{ from: start, to: line.length, kind: 'comment' }], state };

  const blocks = enterOrLeave(state, indent);
  const top = blocks[blocks.length - 1];
  const content = line.slice(start).trimEnd();
  const isSubSection = top?.mode === 'section' && SECTION_HEADER.test(content);
  if (top && top.mode !== 'structured' && !isSubSection) {
    return { tokens: proseTokens(line, start), state: { blocks, opens: undefined } };
  }
  return { tokens: structuredTokens(line, start), state: { blocks, opens: { mode: blockModeAfter(content), indent } } };
}

/** Tokenizes a whole text, for tests and for anything that highlights outside the editor. */
export function tokenize(text: string): Token[][] {
  let state = START;
  return text.split(/\r?\n/).map((line) => {
    const result = tokenizeLine(line, state);
    state = result.state;
    return result.tokens;
  });
}

function indentWidth(leading: string): number {
  let width = 0;
  for (const c of leading) width += c === '\t' ? 2 : 1;
  return width;
}

/** The blocks open at a line indented `indent`: the previous line's block entered, or blocks left. */
function enterOrLeave(state: LineState, indent: number): readonly Block[] {
  if (state.opens && indent > state.opens.indent) return [...state.blocks, { mode: state.opens.mode, headerIndent: state.opens.indent }];
  let depth = state.blocks.length;
  while (depth > 0 && indent <= state.blocks[depth - 1]!.headerIndent) depth--;
  return depth === state.blocks.length ? state.blocks : state.blocks.slice(0, depth);
}

function blockModeAfter(content: string): Block['mode'] {
  if (SECTION_HEADER.test(content)) return 'section';
  if (STRUCTURED_HEADER.test(content)) return 'structured';
  return content.endsWith(':') ? 'prose' : 'structured';
}

function proseTokens(line: string, start: number): Token[] {
  const bullet = /^-(?=\s|$)/.test(line.slice(start));
  if (!bullet) return [{ from: start, to: line.length, kind: 'prose' }];
  const rest = line.slice(start + 1).search(/\S/);
  const tokens: Token[] = [{ from: start, to: start + 1, kind: 'punctuation' }];
  if (rest >= 0) tokens.push({ from: start + 1 + rest, to: line.length, kind: 'prose' });
  return tokens;
}

/** A structured line: a declaration or field with its free text, or words, keywords and numbers. */
function structuredTokens(line: string, start: number): Token[] {
  const content = line.slice(start);
  const tokens: Token[] = [];
  const push = (from: number, to: number, kind: TokenKind): void => {
    if (to > from) tokens.push({ from: start + from, to: start + to, kind });
  };
  const textFrom = (at: number): void => {
    const text = content.slice(at);
    const lead = text.search(/\S/);
    if (lead >= 0) push(at + lead, content.trimEnd().length, 'string');
  };

  const declaration = DECLARATIONS.exec(content);
  // `partnership chair: …` is a field of the partnership, not a declaration of one named `chair`.
  if (declaration && !/^partnership\s+chair\s*:/i.test(content)) {
    const [, keyword, gap, id, space, colon] = declaration as unknown as [string, string, string, string, string, string];
    push(0, keyword.length, 'keyword');
    const idAt = keyword.length + gap.length;
    push(idAt, idAt + id.length, 'definition');
    const colonAt = idAt + id.length + space.length;
    if (colon) {
      push(colonAt, colonAt + 1, 'punctuation');
      textFrom(colonAt + 1);
    }
    return tokens;
  }
  const field = FIELD.exec(content);
  if (field) {
    const colonAt = field[1]!.length + field[2]!.length;
    push(0, field[1]!.length, 'keyword');
    push(colonAt, colonAt + 1, 'punctuation');
    textFrom(colonAt + 1);
    return tokens;
  }
  const textAfter = TEXT_AFTER_PHRASE.exec(content);
  if (textAfter) {
    push(0, textAfter[1]!.length, 'keyword');
    textFrom(textAfter[0].length);
    return tokens;
  }
  wordTokens(content, push);
  return tokens;
}

/** Splits the rest of a structured line into words and merges keyword phrases, as the compiler does. */
function wordTokens(content: string, push: (from: number, to: number, kind: TokenKind) => void): void {
  const words: Array<{ from: number; to: number; lower: string }> = [];
  let at = 0;
  while (at < content.length) {
    const c = content[at]!;
    if (/\s/.test(c)) {
      at++;
      continue;
    }
    if (c === ':' || c === ',' || c === '(' || c === ')') {
      words.push({ from: at, to: at + 1, lower: c });
      at++;
      continue;
    }
    WORD.lastIndex = at;
    const m = WORD.exec(content)!;
    words.push({ from: at, to: at + m[0].length, lower: m[0].toLowerCase() });
    at += m[0].length;
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (i === 0 && word.lower === '-') {
      push(word.from, word.to, 'punctuation');
      continue;
    }
    if (/^[:,()]$/.test(word.lower)) {
      push(word.from, word.to, 'punctuation');
      continue;
    }
    const phrase = longestPhrase(words, i);
    if (phrase > 0) {
      push(word.from, words[i + phrase - 1]!.to, 'keyword');
      i += phrase - 1;
      continue;
    }
    push(word.from, word.to, kindOfWord(word.lower));
  }
}

/** The number of words of the longest keyword phrase starting at word `i`, or 0. */
function longestPhrase(words: ReadonlyArray<{ lower: string }>, i: number): number {
  for (const phrase of PHRASES.get(words[i]!.lower) ?? []) {
    if (phrase.every((w, k) => words[i + k]?.lower === w)) return phrase.length;
  }
  return 0;
}

function kindOfWord(lower: string): TokenKind {
  if (/^\d+$/.test(lower) || DATE.test(lower) || NUMBER_WORDS.has(lower)) return 'number';
  if (MONTH_SET.has(lower)) return 'atom';
  return 'name';
}
