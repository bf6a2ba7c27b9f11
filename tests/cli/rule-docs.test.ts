import { describe, expect, it } from 'vitest';
import { citationText, explainText, ruleDocs, ruleMarkdown, rulesJson, rulesTable } from '../../src/cli/rule-docs.js';
import type { RuleMeta } from '../../src/rules/rule.js';

const CONFIRMED: RuleMeta = {
  id: 'three-safeguarding-partners',
  editions: ['wt18', 'wt23', 'wt26'],
  severity: 'error',
  citation: 'Children Act 2004, s16E(1) and (3)',
  confirmed: true,
  description: 'The safeguarding partners are a local authority, an ICB and the police.',
  rationale: 'The Act names the three safeguarding partners.',
};

const PENDING: RuleMeta = {
  id: 'education-partner',
  editions: ['wt26'],
  severity: 'error',
  citation: 'Working Together 2026, chapter 2 | para 12',
  confirmed: false,
  description: 'Education settings are named | as a partner.',
  rationale: 'The 2026 Act adds education.',
  commencement: { flag: 'cwsa26.s2', before: 'warning' },
};

describe('rule documentation', () => {
  it('says "not confirmed" where the citation could not be confirmed, once', () => {
    expect(citationText(CONFIRMED)).toBe('Children Act 2004, s16E(1) and (3)');
    expect(citationText(PENDING)).toBe('Working Together 2026, chapter 2 | para 12 (not confirmed)');
    expect(citationText({ ...PENDING, citation: 'WT 2026 2.1 (paragraph not confirmed)' })).toBe('WT 2026 2.1 (paragraph not confirmed)');
  });

  it('explains a rule: description, severity, editions, commencement, citation, rationale', () => {
    const text = explainText(PENDING);
    expect(text.split('\n').slice(0, 3)).toEqual(['education-partner', '', 'Education settings are named | as a partner.']);
    expect(text).toContain('  severity      error\n');
    expect(text).toContain('  editions      Working Together 2026\n');
    // Long values wrap under themselves.
    expect(text).toMatch(/ {2}commencement {2}applies in full once section 2 of the Children's Wellbeing and\n {16}Schools Act 2026 is in force/);
    expect(text.replace(/\s+/g, ' ')).toContain('until then its findings are warnings.');
    expect(text).toContain('(not confirmed)');
    expect(text).toContain('The 2026 Act adds education.');
    expect(text).toContain('# tor-ignore education-partner: <reason>');
    expect(explainText(CONFIRMED)).not.toContain('commencement');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('lists rules in columns, marking those waiting on the Act', () => {
    expect(rulesTable([CONFIRMED, PENDING]).split('\n')).toEqual([
      'id                           severity  editions          description',
      'three-safeguarding-partners  error     2018, 2023, 2026  The safeguarding partners are a local authority, an ICB and the police.',
      'education-partner            error*    2026              Education settings are named | as a partner.',
      '',
      '* until a duty of the 2026 Act is in force; `tor explain <id>` says more.',
    ]);
  });

  it('lists rules as JSON with editions as years', () => {
    expect(JSON.parse(rulesJson([PENDING]))).toEqual([
      {
        id: 'education-partner',
        severity: 'error',
        editions: [2026],
        description: PENDING.description,
        citation: PENDING.citation,
        confirmed: false,
        rationale: PENDING.rationale,
        commencement: { flag: 'cwsa26.s2', before: 'warning' },
      },
    ]);
  });

  it('writes a markdown page per rule and an index, escaping pipes in tables', () => {
    const page = ruleMarkdown(PENDING);
    expect(page).toContain('# `education-partner`');
    expect(page).toContain('| Citation | Working Together 2026, chapter 2 \\| para 12 (not confirmed) |');
    expect(page).toContain('| Commencement | Applies in full once section 2');
    const pages = ruleDocs([CONFIRMED, PENDING]);
    expect([...pages.keys()]).toEqual(['README.md', 'three-safeguarding-partners.md', 'education-partner.md']);
    expect(pages.get('README.md')).toContain('| [`education-partner`](education-partner.md) | error (see page) | 2026 | Education settings are named \\| as a partner. |');
  });
});
