/**
 * Extreme input to the compiler core: nesting far past anything real, and sizes far past
 * any partnership. Each case must end in diagnostics (or a clean compile), never an
 * exception such as a stack overflow, and within a time that grows with the input.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/compile.js';
import { formatSource } from '../../../src/format/format.js';
import { MAX_BRACKET_DEPTH } from '../../../src/syntax/build.js';
import { MAX_BLOCK_DEPTH } from '../../../src/syntax/lexer.js';
import { MAX_LIST_DEPTH } from '../../../src/syntax/prose.js';
import { analyseQuorum, attendanceBits, compileQuorum, evaluateBits } from '../../../src/index.js';
import type { CompileResult } from '../../../src/compile.js';
import { brief, PARTNERSHIP, withPartnership } from '../../helpers.js';

const N = 10_000;

/** Errors in reading the sources (syntax/…, resolve/…), not the guidance's rules: the test partnership is minimal. */
function errors(result: CompileResult) {
  return result.diagnostics.filter((d) => d.severity === 'error' && d.code.includes('/'));
}

function group(body: string): string {
  return `group g: G\n  chaired by dcs\n  members:\n    - nurse\n    - superintendent\n${body}`;
}

/** Compiles and formats, as `tor check` and `tor fmt` would: neither may throw. */
function both(text: string) {
  const compiled = withPartnership(text);
  const formatted = formatSource({ path: 'test.tor', text: `${PARTNERSHIP}\n${text}` });
  return { compiled, formatted };
}

describe('nesting', () => {
  it(`reads a quorum with brackets ${MAX_BRACKET_DEPTH} deep`, () => {
    const q = `${'('.repeat(MAX_BRACKET_DEPTH)}dcs${')'.repeat(MAX_BRACKET_DEPTH)}`;
    const { compiled } = both(group(`  quorate when ${q} are present\n`));
    expect(errors(compiled).map(brief)).toEqual([]);
  });

  it(`refuses a quorum nested ${N} brackets deep with one diagnostic on its line`, () => {
    const q = `${'('.repeat(N)}dcs${')'.repeat(N)}`;
    const { compiled, formatted } = both(group(`  quorate when ${q} are present\n`));
    expect(errors(compiled).map(brief)).toEqual([`33:3 syntax/too-deep Brackets are nested ${N} deep here; tor reads at most ${MAX_BRACKET_DEPTH} levels.`]);
    expect(formatted.text).toBeUndefined();
  });

  it(`refuses bullets nested ${N} deep, once, keeping every item`, () => {
    const bullets = Array.from({ length: N }, (_, i) => `${' '.repeat(4 + 2 * i)}- level ${i}`).join('\n');
    const { compiled, formatted } = both(`group g: G\n  purpose:\n${bullets}\n`);
    expect(errors(compiled).map((d) => d.code)).toEqual(['syntax/too-deep']);
    expect(errors(compiled)[0]!.message).toBe(`This list item is nested more than ${MAX_LIST_DEPTH} lists deep; tor reads at most ${MAX_LIST_DEPTH}.`);
    expect(formatted.text).toBeUndefined();
  });

  it(`refuses sections nested ${N} deep at the first line too deep`, () => {
    const sections = Array.from({ length: N }, (_, i) => `${' '.repeat(2 + 2 * i)}section s${i}: S ${i}\n${' '.repeat(4 + 2 * i)}words`).join('\n');
    const { compiled } = both(`group g: G\n${sections}\n`);
    expect(errors(compiled).map((d) => `${d.code} ${d.message}`)).toEqual([`syntax/too-deep This line opens a block nested ${MAX_BLOCK_DEPTH + 1} deep; tor reads at most ${MAX_BLOCK_DEPTH} levels.`]);
  });

  it(`finds no cycle in an accountability chain ${N} groups long, and finds one when it closes`, () => {
    const chain = (last: string) =>
      Array.from({ length: N }, (_, i) => `group g${i}: G${i}\n  accountable to ${i === N - 1 ? last : `g${i + 1}`}`).join('\n');
    const open = compile([{ path: 'test.tor', text: `${PARTNERSHIP}\n${chain('the lead safeguarding partners')}\n` }], { validate: false });
    expect(open.diagnostics.filter((d) => d.code === 'resolve/accountability-cycle')).toEqual([]);
    const closed = compile([{ path: 'test.tor', text: `${PARTNERSHIP}\n${chain('g0')}\n` }], { validate: false });
    expect(closed.diagnostics.filter((d) => d.code === 'resolve/accountability-cycle')).toHaveLength(1);
  });
});

describe('size', () => {
  it(`compiles a group of ${N} members and answers quorum questions about it`, () => {
    const posts = Array.from({ length: N }, (_, i) => `post p${i}: Post ${i}`).join('\n');
    const members = Array.from({ length: N }, (_, i) => `    - p${i}`).join('\n');
    const compiled = withPartnership(`${posts}\ngroup g: G\n  chaired by dcs\n  members:\n${members}\n  meets quarterly\n  quorate when half of the members, including dcs, are present\n`);
    expect(errors(compiled).map(brief)).toEqual([]);
    const model = compiled.model!;
    const g = model.groups.find((x) => x.id === 'g')!;
    const cq = compileQuorum(g, model)!;
    expect(cq.size).toBe(N + 1);
    const seats = [...cq.personOf.keys()];
    expect(evaluateBits(cq, attendanceBits(cq, seats))).toBe(true);
    expect(evaluateBits(cq, attendanceBits(cq, seats.filter((s) => s !== 'dcs')))).toBe(false);
    const analysis = analyseQuorum(cq);
    expect(analysis.smallest?.size).toBe(Math.ceil((N + 1) / 2));
    expect(analysis.singlePointsOfFailure.map((p) => p.seat)).toEqual(['dcs']);
  });

  it('reads a 10 MB line of prose in time proportional to its length', () => {
    const time = (words: number) => {
      const text = `${PARTNERSHIP}\ngroup g: G\n  purpose:\n    ${'word '.repeat(words)}\n`;
      const start = performance.now();
      const result = compile([{ path: 'test.tor', text }], { validate: false });
      const ms = performance.now() - start;
      expect(result.model).toBeDefined();
      return ms;
    };
    time(200_000);
    const small = time(200_000);
    const large = time(2_000_000);
    // Ten times the text: linear is ~10×; quadratic would be ~100×.
    expect(large / Math.max(small, 1)).toBeLessThan(30);
  });
});
