import { defineRule, type Finding } from './rule.js';
import { groupName } from './support.js';

export default defineRule(
  {
    id: 'gp-chair-and-vice',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'info',
    citation: 'Local good practice GP7 (not in the guidance; e.g. Birmingham)',
    confirmed: true,
    description: 'Every group says who chairs it.',
    rationale:
      'A group with no chair has nobody to set its agenda, keep order or escalate. The model checks that each group ' +
      'has `chaired by …` or `chaired in yearly rotation by …`. A vice-chair and the chair\'s term are good practice ' +
      'too, but many terms of reference do not name them, so they are not required here; the model records ' +
      '`vice-chaired by` but not a term of office.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      if (group.chair || group.chairSpec) continue;
      const name = groupName(group);
      findings.push({
        span: group.span,
        message: `${name.charAt(0).toUpperCase()}${name.slice(1)} does not say who chairs it.`,
        hint: 'Add e.g. `chaired by the partnership chair`, `chaired by a member nominated by <group>` or `chaired in yearly rotation by …`.',
      });
    }
    return findings;
  },
);
