import { defineRule, type Finding } from './rule.js';
import { organisation } from './support.js';

export default defineRule(
  {
    id: 'health-partner-is-icb',
    editions: ['wt23', 'wt26'],
    severity: 'error',
    citation: 'Children Act 2004, s16E, as amended by the Health and Care Act 2022 (clinical commissioning groups replaced by integrated care boards from 1 July 2022)',
    confirmed: true,
    description: 'The health safeguarding partner is an integrated care board, not a clinical commissioning group.',
    rationale:
      'Since 1 July 2022 the health safeguarding partner is the integrated care board whose area overlaps the local authority area; ' +
      'clinical commissioning groups no longer exist. The model checks the `kind:` of each organisation named in ' +
      '`safeguarding partners:`; it cannot check that the integrated care board named is the one for the area.',
  },
  ({ model }) => {
    const p = model.partnership;
    const span = p.spans['safeguarding partners'] ?? p.span;
    const findings: Finding[] = [];
    for (const id of p.safeguardingPartners) {
      const org = organisation(model, id);
      if (org?.kind !== 'clinical commissioning group') continue;
      findings.push({
        span,
        message: `The safeguarding partner ${org.name} is a clinical commissioning group; since July 2022 the health safeguarding partner is the integrated care board.`,
        hint: `Replace \`${id}\` in \`safeguarding partners:\` with the integrated care board for the area: an organisation with \`kind: integrated care board\`.`,
      });
    }
    return findings;
  },
);
