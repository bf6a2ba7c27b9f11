import { describe, expect, it } from 'vitest';
import { findIncludes } from '../../src/syntax/includes.js';

const found = (text: string) => findIncludes({ path: 'main.tor', text }).map((i) => `${i.span.start.line}:${i.span.start.column} ${i.path}`);

describe('findIncludes', () => {
  it('finds include lines at the left margin, with the place of each path', () => {
    expect(found('# a comment\ninclude orgs.tor\n  include not-a-declaration.tor\nINCLUDE groups/exec.tor  \n')).toEqual(['2:9 orgs.tor', '4:9 groups/exec.tor']);
  });

  it('reads every line ending: LF, CRLF and a lone CR', () => {
    expect(found('include a.tor\r\ninclude b.tor\rinclude c.tor\n')).toEqual(['1:9 a.tor', '2:9 b.tor', '3:9 c.tor']);
  });

  it('keeps blanks inside a path and trims those after it', () => {
    expect(found('include my orgs.tor \t\n')).toEqual(['1:9 my orgs.tor']);
  });
});
