import { describe, expect, it } from 'vitest';
import { sarifRules } from '../../src/cli/rule-docs.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { sarif } from '../../src/diagnostics/sarif.js';
import { catalogue } from '../../src/rules/catalogue.js';
import { sarifValidator } from './sarif-schema.js';

function at(line: number, column: number, endLine = line, endColumn = column + 3): Pick<Diagnostic, 'start' | 'end'> {
  return { start: { line, column, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } };
}

const DIAGNOSTICS: Diagnostic[] = [
  { code: 'syntax/unexpected', severity: 'error', message: '`quartely` is not a meeting frequency', file: 'kent/board.tor', ...at(3, 9), hint: 'For example: `meets quarterly`.' },
  { code: 'three-safeguarding-partners', severity: 'error', message: 'The safeguarding partners do not include the police.', file: 'kent/partnership.tor', ...at(2, 3, 4, 1), citation: 'Children Act 2004, s16E' },
  { code: 'quorum-members-only', severity: 'warning', message: 'A quorum names a non-member.', file: 'my drafts/#1.tor', ...at(1, 1) },
  { code: 'edition-undeclared', severity: 'info', message: 'No edition.', file: 'kent/partnership.tor', ...at(1, 1, 1, 1) },
];

type Log = {
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex?: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
  }[];
};

describe('sarif', () => {
  const metas = catalogue.map((r) => r.meta);
  const text = sarif(DIAGNOSTICS, { toolVersion: '1.2.3', rules: sarifRules(metas), properties: { checkedAgainst: 'Working Together 2026' } });
  const log = JSON.parse(text) as Log;
  const run = log.runs[0]!;

  it('is valid SARIF 2.1.0', () => {
    const validate = sarifValidator();
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is checked by a validator that rejects what SARIF does not allow', () => {
    const broken = JSON.parse(text) as Log;
    broken.runs[0]!.results[0]!.level = 'info';
    expect(sarifValidator()(broken)).toBe(false);
  });

  it('is valid with no diagnostics too', () => {
    expect(sarifValidator()(JSON.parse(sarif([], { toolVersion: '1.2.3', rules: sarifRules(metas) })))).toBe(true);
  });

  it('has one run by tor describing every rule in the catalogue', () => {
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'tor', version: '1.2.3' });
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids.slice(0, metas.length)).toEqual(metas.map((m) => m.id));
    for (const [i, m] of metas.entries()) {
      expect(run.tool.driver.rules[i]).toMatchObject({
        shortDescription: { text: m.description },
        fullDescription: { text: m.rationale },
        help: { text: expect.stringContaining(m.citation) },
        defaultConfiguration: { level: m.severity === 'info' ? 'note' : m.severity },
      });
    }
  });

  it('gives each result its rule, level and place', () => {
    const rules = run.tool.driver.rules;
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['syntax/unexpected', 'error'],
      ['three-safeguarding-partners', 'error'],
      ['quorum-members-only', 'warning'],
      ['edition-undeclared', 'note'],
    ]);
    for (const r of run.results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(run.results[1]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'kent/partnership.tor' },
      region: { startLine: 2, startColumn: 3, endLine: 4, endColumn: 1 },
    });
    expect(run.results[2]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('my%20drafts/%231.tor');
  });
});
