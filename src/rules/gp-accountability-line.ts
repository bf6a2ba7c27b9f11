import type { Group } from '../model/model.js';
import { defineRule, type Finding } from './rule.js';
import { groupName, isDecisionMaking } from './support.js';

export default defineRule(
  {
    id: 'gp-accountability-line',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'info',
    citation: 'Local good practice GP6 (not in the guidance; e.g. Gloucestershire)',
    confirmed: true,
    description: 'Every group below the top decision-making group says who it is accountable to, and the line reaches an executive group.',
    rationale:
      'A group that reports to nobody, or whose line of reporting stops short of the group that decides for the ' +
      'partners, can act without oversight. The top of a structure is an executive group accountable to no other ' +
      'group (it may be accountable to the lead safeguarding partners). Every other group must say `accountable to`; ' +
      'one accountable to the safeguarding partners or their leads directly, rather than to a group, is reported ' +
      'unless it is an executive group, since its line then bypasses the executive. Each group is judged on its own ' +
      'statement, so a broken line is reported once, where it breaks; cycles are reported by the resolver. Groups ' +
      'that are `part of` a collaboration are judged within it, with its own executive at the top. How often a group ' +
      'reports is not in the model.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      if (isTop(group)) continue;
      const name = groupName(group);
      const to = group.accountableTo;
      if (!to) {
        findings.push({
          span: group.span,
          message: `${capital(name)} does not say who it is accountable to.`,
          hint: 'Add e.g. `accountable to <executive group>`.',
        });
      } else if (to.kind === 'role') {
        const executive = model.groups.find((g) => isTop(g) && g.partOf === group.partOf);
        findings.push({
          span: to.span,
          message: `${capital(name)} is accountable to the ${to.role} directly, so its line of accountability does not reach ${executive ? groupName(executive) : 'an executive group'}.`,
          hint: executive ? `Write \`accountable to ${executive.id}\`.` : 'Make the group that decides for the partners `kind: executive`, and make this group accountable to it.',
        });
      }
    }
    return findings;
  },
);

/** The top of a structure: an executive group accountable to no other group. */
function isTop(group: Group): boolean {
  return isDecisionMaking(group) && group.accountableTo?.kind !== 'group';
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
