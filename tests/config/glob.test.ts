import { describe, expect, it } from 'vitest';
import { compileGlob, ignoreMatcher } from '../../src/config/glob.js';

describe('ignore patterns', () => {
  it.each([
    ['drafts/**', 'drafts/a.tor', true],
    ['drafts/**', 'drafts/old/a.tor', true],
    ['drafts/**', 'board.tor', false],
    ['drafts', 'drafts/old/a.tor', true],
    ['drafts/', 'drafts/a.tor', true],
    ['drafts', 'drafts-2024/a.tor', false],
    ['*.draft.tor', 'board.draft.tor', true],
    ['*.draft.tor', 'groups/board.draft.tor', false],
    ['**/*.draft.tor', 'groups/board.draft.tor', true],
    ['**/*.draft.tor', 'board.draft.tor', true],
    ['groups/?.tor', 'groups/a.tor', true],
    ['groups/?.tor', 'groups/ab.tor', false],
    ['{archive,old}/*.tor', 'old/a.tor', true],
    ['{archive,old}/*.tor', 'new/a.tor', false],
    ['board-[0-9].tor', 'board-7.tor', true],
    ['board-[!0-9].tor', 'board-7.tor', false],
    ['a+b (copy).tor', 'a+b (copy).tor', true],
    ['\\*.tor', '*.tor', true],
    ['\\*.tor', 'a.tor', false],
  ])('%s on %s: %s', (pattern, path, expected) => {
    expect(ignoreMatcher([pattern])(path)).toBe(expected);
  });

  it('ignores nothing without patterns', () => {
    expect(ignoreMatcher([])('a.tor')).toBe(false);
  });

  it('says why a pattern is not a glob', () => {
    expect(compileGlob('a{b')).toEqual({ ok: false, reason: 'a `{` has no closing `}`' });
    expect(compileGlob('a[b')).toEqual({ ok: false, reason: 'a `[` has no closing `]`' });
    expect(compileGlob('a\\')).toEqual({ ok: false, reason: 'it ends with `\\`, which escapes nothing' });
  });
});
