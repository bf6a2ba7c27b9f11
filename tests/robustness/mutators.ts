import type { Random } from './random.js';

/**
 * Ways to damage a source file. Each takes the text and a seeded random source and returns
 * a new text; the same seed gives the same mutant.
 */
export interface Mutator {
  name: string;
  mutate(text: string, random: Random): string;
}

interface Piece {
  start: number;
  end: number;
}

function pieces(text: string, pattern: RegExp): Piece[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
const tokensOf = (text: string) => pieces(text, /[^\s:,()]+|[:,()]/g);
const linesOf = (text: string) => pieces(text, /[^\r\n]*(?:\r\n|\r|\n|$)/g).filter((p) => p.end > p.start);

function splice(text: string, at: Piece, replacement: string): string {
  return text.slice(0, at.start) + replacement + text.slice(at.end);
}

/** Applies `edit` to a random piece, or leaves an empty text alone. */
function onPiece(text: string, random: Random, of: (t: string) => Piece[], edit: (piece: string, all: Piece[], at: Piece) => string): string {
  const all = of(text);
  if (all.length === 0) return text;
  const at = random.pick(all);
  return splice(text, at, edit(text.slice(at.start, at.end), all, at));
}

function swap(text: string, random: Random, of: (t: string) => Piece[]): string {
  const all = of(text);
  if (all.length < 2) return text;
  const [a, b] = [random.pick(all), random.pick(all)].sort((x, y) => x.start - y.start) as [Piece, Piece];
  if (a.start === b.start) return text;
  return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
}

function insertAt(text: string, random: Random, insertion: string): string {
  const at = random.int(0, text.length);
  return text.slice(0, at) + insertion + text.slice(at);
}

const UNBALANCED = ['(', ')', '((', '"', "'", '“', '”', '{', '}', '[', ']', '**', '`', '{group', '(one member from each of'];

/** Code points of every kind: controls, ASCII, Latin, combining marks, CJK, emoji, private use, lone surrogates. */
function randomCharacter(random: Random): string {
  const ranges: ReadonlyArray<[number, number]> = [[0, 0x1f], [0x20, 0x7e], [0x7f, 0x24f], [0x300, 0x36f], [0x4e00, 0x4fff], [0x1f300, 0x1f6ff], [0xe000, 0xe0ff], [0xfff0, 0xffff]];
  if (random.chance(0.05)) return String.fromCharCode(random.int(0xd800, 0xdfff));
  const [low, high] = random.pick(ranges);
  return String.fromCodePoint(random.int(low, high));
}

/** What a reader decoding damaged UTF-8 hands over: the bytes broken, then decoded with replacement characters. */
function breakUtf8(text: string, random: Random): string {
  const bytes = Buffer.from(text, 'utf8');
  const broken = Buffer.from(bytes);
  for (let k = random.int(1, 4); k > 0 && broken.length > 0; k--) broken[random.int(0, broken.length - 1)] = random.pick([0xff, 0xfe, 0xc0, 0xc3, 0xe2, 0x80, 0xed, 0xf4]);
  return new TextDecoder('utf-8').decode(broken);
}

function longLine(random: Random): string {
  const unit = random.pick(['x', 'word ', '(', '- ', ':', '#', ' ', 'a and ', 'one member from each of ', '—', '\u00a0']);
  return unit.repeat(Math.ceil(random.int(1_000, 60_000) / unit.length));
}

export const MUTATORS: readonly Mutator[] = [
  { name: 'delete-token', mutate: (t, r) => onPiece(t, r, tokensOf, () => '') },
  { name: 'duplicate-token', mutate: (t, r) => onPiece(t, r, tokensOf, (p) => `${p} ${p}`) },
  { name: 'swap-tokens', mutate: (t, r) => swap(t, r, tokensOf) },
  { name: 'truncate-token', mutate: (t, r) => onPiece(t, r, tokensOf, (p) => p.slice(0, r.int(0, p.length - 1))) },
  { name: 'delete-line', mutate: (t, r) => onPiece(t, r, linesOf, () => '') },
  { name: 'duplicate-line', mutate: (t, r) => onPiece(t, r, linesOf, (p) => p + (/[\r\n]$/.test(p) ? p : `\n${p}`)) },
  { name: 'swap-lines', mutate: (t, r) => swap(t, r, linesOf) },
  { name: 'truncate-line', mutate: (t, r) => onPiece(t, r, linesOf, (p) => p.slice(0, r.int(0, p.length))) },
  { name: 'truncate-file', mutate: (t, r) => t.slice(0, r.int(0, t.length)) },
  { name: 'reindent-line', mutate: (t, r) => onPiece(t, r, linesOf, (p) => ' '.repeat(r.int(0, 9)) + p.trimStart()) },
  { name: 'random-characters', mutate: (t, r) => Array.from({ length: r.int(1, 8) }).reduce<string>((acc) => insertAt(acc, r, randomCharacter(r)), t) },
  { name: 'unbalanced', mutate: (t, r) => insertAt(t, r, r.pick(UNBALANCED)) },
  { name: 'long-line', mutate: (t, r) => (r.chance(0.5) ? insertAt(t, r, `\n${' '.repeat(r.int(0, 4))}${longLine(r)}\n`) : onPiece(t, r, linesOf, (p) => p.replace(/(?=[\r\n]*$)/, longLine(r)))) },
  { name: 'bom', mutate: (t, r) => (r.chance(0.7) ? `\ufeff${t}` : insertAt(t, r, '\ufeff')) },
  { name: 'crlf', mutate: (t, r) => t.replace(/\r?\n/g, (m) => (r.chance(0.8) ? '\r\n' : m)) },
  { name: 'lone-cr', mutate: (t, r) => t.replace(/\r?\n/g, (m) => (r.chance(0.7) ? '\r' : m)) },
  { name: 'invalid-utf8', mutate: (t, r) => breakUtf8(t, r) },
  { name: 'lone-surrogate', mutate: (t, r) => insertAt(t, r, String.fromCharCode(r.int(0xd800, 0xdfff))) },
  { name: 'nul', mutate: (t, r) => Array.from({ length: r.int(1, 3) }).reduce<string>((acc) => insertAt(acc, r, '\0'), t) },
  { name: 'tabs', mutate: (t, r) => t.replace(/^( +)/gm, (m) => (r.chance(0.2) ? m.replace(/ {2}/g, '\t') : r.chance(0.05) ? `\t${m}` : m)) },
  { name: 'splice-keyword', mutate: (t, r) => insertAt(t, r, r.pick(['\ngroup ', ' members:\n  -', '\n  quorate when', ' section x:', '\n  purpose:\n', ' and', ' or (', ' are present', '\ninclude ', ': '])) },
];

/** Several mutations on top of each other. */
export const STACKED: Mutator = {
  name: 'stacked',
  mutate: (text, random) => {
    let out = text;
    for (let k = random.int(2, 5); k > 0; k--) out = random.pick(MUTATORS).mutate(out, random);
    return out;
  },
};

export const ALL_MUTATORS: readonly Mutator[] = [...MUTATORS, STACKED];
