import { defineRule, type Finding } from './rule.js';
import { groupName, isDecisionMaking } from './support.js';

export default defineRule(
  {
    id: 'gp-substitute-authority',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'info',
    citation: 'Local good practice GP3 (not in the guidance)',
    confirmed: true,
    description: 'Executive groups say that deputies hold the same decision-making authority, or count towards the quorum only with it.',
    rationale:
      'A deputy without delegated authority cannot commit their organisation, so a decision taken with them may not ' +
      'bind it. The model checks that every executive group has `deputies:` with `must have the same decision-making ' +
      'authority` or `count towards the quorum only with full delegated authority`. It cannot check that the deputies ' +
      'are named or that their authority is given in writing.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      if (!isDecisionMaking(group)) continue;
      const name = groupName(group);
      const hint = 'Add `deputies:` with `- must have the same decision-making authority` or `- count towards the quorum only with full delegated authority`.';
      if (!group.deputies) {
        findings.push({ span: group.span, message: `${capital(name)} does not say what authority deputies must have.`, hint });
        continue;
      }
      const rules = group.deputies.rules;
      if (rules.includes('same authority') || rules.includes('count only with full authority')) continue;
      findings.push({
        span: group.deputies.span,
        message: `The deputies of ${name} need not have the decision-making authority of the members they stand in for.`,
        hint: rules.includes('count towards quorum')
          ? 'Write `- count towards the quorum only with full delegated authority`, or add `- must have the same decision-making authority`.'
          : 'Add `- must have the same decision-making authority` or `- count towards the quorum only with full delegated authority`.',
      });
    }
    return findings;
  },
);

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
