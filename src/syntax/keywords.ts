import type { IToken, TokenType } from 'chevrotain';
import { Dash, keywordTokens, Month, MONTHS, NUMBER_WORDS, NumberLiteral, NumberWord, Word } from './tokens.js';

interface Phrase {
  readonly words: readonly string[];
  readonly type: TokenType;
}

/** Phrases indexed by their first word, longest first, so matching is greedy. */
const phrasesByFirstWord: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const map = new Map<string, Phrase[]>();
  for (const type of keywordTokens) {
    for (const phrase of type.phrases) {
      const words = phrase.split(' ');
      const first = words[0]!;
      const list = map.get(first) ?? [];
      list.push({ words, type });
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

const MONTH_SET: ReadonlySet<string> = new Set(MONTHS);

/** The lower-case spelling of every keyword phrase, for "did you mean" suggestions. */
export const allKeywordPhrases: readonly string[] = keywordTokens.flatMap((t) => t.phrases);

function isWordLike(token: IToken): boolean {
  return token.tokenType === Word || token.tokenType === NumberLiteral;
}

/**
 * Merges runs of words that spell a keyword phrase into one keyword token, and marks
 * numbers written as words, month names and a leading bullet dash. Linear: each
 * position tries only the phrases that start with its own word.
 */
export function mergeKeywords(tokens: readonly IToken[], text: string): IToken[] {
  const out: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.tokenType !== Word) {
      out.push(token);
      continue;
    }
    const lower = token.image.toLowerCase();
    if (i === 0 && token.image === '-') {
      out.push(retype(token, Dash, token, text));
      continue;
    }
    const match = matchPhrase(tokens, i, lower);
    if (match) {
      const last = tokens[i + match.words.length - 1]!;
      out.push(retype(token, match.type, last, text));
      i += match.words.length - 1;
      continue;
    }
    if (NUMBER_WORDS.has(lower)) out.push(retype(token, NumberWord, token, text));
    else if (MONTH_SET.has(lower)) out.push(retype(token, Month, token, text));
    else out.push(token);
  }
  return out;
}

function matchPhrase(tokens: readonly IToken[], at: number, firstLower: string): Phrase | undefined {
  const candidates = phrasesByFirstWord.get(firstLower);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (at + phrase.words.length > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < phrase.words.length; k++) {
      const t = tokens[at + k]!;
      if (!isWordLike(t) || t.image.toLowerCase() !== phrase.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return phrase;
  }
  return undefined;
}

/** Turns `first` into a token of `type` that runs to the end of `last`, in place. */
function retype(first: IToken, type: TokenType, last: IToken, text: string): IToken {
  if (first !== last) {
    first.endOffset = last.endOffset ?? last.startOffset;
    first.endLine = last.endLine;
    first.endColumn = last.endColumn;
    first.image = text.slice(first.startOffset, first.endOffset + 1);
  }
  first.tokenType = type;
  first.tokenTypeIdx = type.tokenTypeIdx!;
  return first;
}
