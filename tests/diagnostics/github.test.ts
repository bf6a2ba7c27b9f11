import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { escapeData, escapeProperty, github } from '../../src/diagnostics/github.js';

function d(extra: Partial<Diagnostic>): Diagnostic {
  return {
    code: 'syntax/unexpected',
    severity: 'error',
    message: 'Bad.',
    file: 'kent/board.tor',
    start: { line: 3, column: 9, offset: 40 },
    end: { line: 3, column: 17, offset: 48 },
    ...extra,
  };
}

describe('github', () => {
  it('prints one workflow command per diagnostic', () => {
    expect(github([d({}), d({ severity: 'warning', code: 'quorum-members-only' }), d({ severity: 'info', code: 'edition-undeclared' })]).split('\n')).toEqual([
      '::error file=kent/board.tor,line=3,col=9,endLine=3,endColumn=17,title=syntax/unexpected::Bad.',
      '::warning file=kent/board.tor,line=3,col=9,endLine=3,endColumn=17,title=quorum-members-only::Bad.',
      '::notice file=kent/board.tor,line=3,col=9,endLine=3,endColumn=17,title=edition-undeclared::Bad.',
    ]);
  });

  it('escapes %, CR and LF in the message, with the hint on a line of its own', () => {
    expect(github([d({ message: '100% sure:\r\nno, not at all', hint: 'Fix it.' })])).toBe(
      '::error file=kent/board.tor,line=3,col=9,endLine=3,endColumn=17,title=syntax/unexpected::100%25 sure:%0D%0Ano, not at all%0AFix it.',
    );
  });

  it('escapes : and , in properties as well', () => {
    expect(github([d({ file: 'a,b:c%.tor' })])).toContain('file=a%2Cb%3Ac%25.tor,');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeData('a:b,c')).toBe('a:b,c');
  });

  it('leaves out columns for a span over several lines, as GitHub requires', () => {
    expect(github([d({ end: { line: 5, column: 1, offset: 90 } })])).toBe('::error file=kent/board.tor,line=3,endLine=5,title=syntax/unexpected::Bad.');
  });

  it('prints nothing for no diagnostics', () => {
    expect(github([])).toBe('');
  });
});
