import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { START, tokenizeLine, type LineState, type Token, type TokenKind } from './tokenizer.js';

/**
 * `.tor` highlighting for CodeMirror: the line tokenizer wrapped as a stream language. The
 * tokenizer works on whole lines, so the first call on a line tokenizes all of it and the
 * following calls hand out the tokens one by one.
 */

interface StreamState {
  line: LineState;
  /** The tokens of the current line still to hand out. */
  pending: Token[];
}

const TAGS: Record<TokenKind, string> = {
  comment: 'comment',
  keyword: 'keyword',
  definition: 'definition',
  name: 'variableName',
  string: 'string',
  number: 'number',
  atom: 'atom',
  punctuation: 'punctuation',
  prose: 'content',
};

const torLanguage = StreamLanguage.define<StreamState>({
  name: 'tor',
  startState: () => ({ line: START, pending: [] }),
  copyState: (state) => ({ line: state.line, pending: [...state.pending] }),
  token(stream: StringStream, state: StreamState): string | null {
    if (stream.sol()) {
      const result = tokenizeLine(stream.string, state.line);
      state.line = result.state;
      state.pending = result.tokens;
    }
    while (state.pending.length > 0 && state.pending[0]!.to <= stream.pos) state.pending.shift();
    const next = state.pending[0];
    if (!next) {
      stream.skipToEnd();
      return null;
    }
    if (next.from > stream.pos) {
      stream.pos = next.from;
      return null;
    }
    stream.pos = next.to;
    state.pending.shift();
    return TAGS[next.kind];
  },
  tokenTable: { definition: tags.definition(tags.variableName), content: tags.content },
  languageData: { commentTokens: { line: '#' } },
});

/** Colours chosen for at least 4.5:1 against the editor's white background (WCAG 1.4.3). */
const torHighlight = HighlightStyle.define([
  { tag: tags.comment, color: '#505a5f', fontStyle: 'italic' },
  { tag: tags.keyword, color: '#6f3c97', fontWeight: '600' },
  { tag: tags.definition(tags.variableName), color: '#0b5394', fontWeight: '600' },
  { tag: tags.variableName, color: '#0b5394' },
  { tag: tags.string, color: '#7a3b00' },
  { tag: tags.number, color: '#00703c' },
  { tag: tags.atom, color: '#00703c' },
  { tag: tags.punctuation, color: '#383f43' },
  { tag: tags.content, color: '#0b0c0c' },
]);

export function torSupport() {
  return [torLanguage, syntaxHighlighting(torHighlight)];
}
