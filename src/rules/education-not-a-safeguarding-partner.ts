import { defineRule, type Finding } from './rule.js';
import { organisation } from './support.js';

export default defineRule(
  {
    id: 'education-not-a-safeguarding-partner',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Children Act 2004, s16E (the three safeguarding partners); Working Together 2023, chapter 2; Children’s Wellbeing and Schools Act 2026, s.2 (education is a relevant agency, not a fourth partner)',
    confirmed: true,
    description: 'No education or early years organisation is named as a safeguarding partner.',
    rationale:
      'Neither Working Together 2023 nor the 2026 Act made education a fourth safeguarding partner: schools, colleges and early ' +
      'years settings take part as relevant agencies (designated ones compulsorily once s.2 of the Act is in force). The model ' +
      'checks the `kind:` of each organisation in `safeguarding partners:`; it cannot see a veto or sign-off given to education in prose.',
  },
  ({ model }) => {
    const p = model.partnership;
    const findings: Finding[] = [];
    for (const id of p.safeguardingPartners) {
      const org = organisation(model, id);
      if (org?.kind !== 'education' && org?.kind !== 'early years') continue;
      findings.push({
        span: p.spans['safeguarding partners'] ?? p.span,
        message: `${org.name} is named as a safeguarding partner, but education is not one of the safeguarding partners.`,
        hint: `Remove \`${id}\` from \`safeguarding partners:\`; list it under \`relevant agencies:\` and give it seats on the executive group or board.`,
      });
    }
    return findings;
  },
);
