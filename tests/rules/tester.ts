import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import type { ActFlag, CivilDate, EditionCode, Rule } from '../../src/rules/rule.js';
import { PARTNERSHIP } from '../helpers.js';

export interface RuleCase {
  name: string;
  /** A `.tor` snippet. Unless it declares its own partnership, it is appended to the test partnership in tests/helpers.ts. */
  source: string;
  edition?: EditionCode;
  today?: CivilDate;
  flags?: ActFlag[];
}

export interface InvalidCase extends RuleCase {
  /** The findings, as `line: message`, lines counted from the snippet's first line. */
  findings: string[];
}

/**
 * Runs one rule on small snippets: valid cases must give no finding; invalid cases
 * exactly the listed findings, at the listed lines. Other rules do not run.
 */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('accepts: %s', (_name, c) => {
      expect(findings(rule, c)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('reports: %s', (_name, c) => {
      expect(findings(rule, c)).toEqual(c.findings);
    });
    it('has complete metadata', () => {
      const m = rule.meta;
      expect(m.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.editions.length).toBeGreaterThan(0);
      for (const text of [m.citation, m.description, m.rationale]) expect(text.trim().length).toBeGreaterThan(10);
      if (!m.confirmed) expect(m.citation).toMatch(/not confirmed/);
    });
  });
}

function findings(rule: Rule, c: RuleCase): string[] {
  const own = /^partnership\s/m.test(c.source);
  const prefix = own ? '' : `${PARTNERSHIP}\n`;
  const offset = prefix.split('\n').length - 1;
  const result = compile([{ path: 'case.tor', text: prefix + c.source }], { validate: false });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.model || errors.length > 0) {
    throw new Error(`the case does not compile:\n${errors.map((d) => `${d.start.line - offset}: ${d.message}`).join('\n')}`);
  }
  const edition = c.edition ?? rule.meta.editions[rule.meta.editions.length - 1]!;
  return rule
    .check({ model: result.model, edition, today: c.today, flags: new Set(c.flags ?? []) })
    .map((f) => `${f.span.start.line - offset}: ${f.message}`);
}
