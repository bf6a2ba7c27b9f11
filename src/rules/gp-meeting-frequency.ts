import { frequency as describe } from '../format/print.js';
import type { Frequency } from '../model/model.js';
import { defineRule, type Finding } from './rule.js';
import { groupName, isStrategic } from './support.js';

export default defineRule(
  {
    id: 'gp-meeting-frequency',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'info',
    citation: 'Local good practice GP1 (not in the guidance; e.g. Shropshire)',
    confirmed: true,
    description: 'Every group says how often it meets; executive groups and boards meet at least quarterly.',
    rationale:
      'Strategic groups that meet less than quarterly, or only "as required", cannot keep the arrangements under ' +
      'review. The model reads `meets …`: an interval of at most 3 months (13 weeks) is quarterly or more often; ' +
      '"as required" passes only with "but at least quarterly" or more often. For "in the first year, then …" the ' +
      'rule judges what follows, which is how the group will meet from then on. It cannot tell whether meetings ' +
      'actually took place, nor the LSP group\'s twice-a-year meeting, which the model does not distinguish.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      const name = groupName(group);
      if (!group.cadence) {
        findings.push({
          span: group.span,
          message: `${capital(name)} does not say how often it meets.`,
          hint: isStrategic(group) ? 'Add e.g. `meets quarterly`.' : 'Add e.g. `meets every 2 months` or `meets as required but at least quarterly`.',
        });
        continue;
      }
      if (!isStrategic(group)) continue;
      const ongoing = group.cadence.thereafter ?? group.cadence.first;
      if (months(ongoing) <= 3) continue;
      const then = group.cadence.thereafter ? ' after its first year' : '';
      findings.push({
        span: group.cadence.span,
        message: `${capital(name)} meets ${describe(ongoing)}${then}; ${group.kind === 'board' ? 'a board' : 'an executive group'} should meet at least quarterly.`,
        hint: ongoing.kind === 'as required' ? 'Write `meets as required but at least quarterly`.' : 'Meet at least quarterly, e.g. `meets quarterly`.',
      });
    }
    return findings;
  },
);

/** The longest a group may go between meetings, in months; Infinity when nothing binds it. */
function months(f: Frequency): number {
  switch (f.kind) {
    case 'every':
      return f.unit === 'week' ? (f.count * 3) / 13 : f.unit === 'month' ? f.count : f.count * 12;
    case 'as required':
      return f.atLeast ? months(f.atLeast) : Infinity;
    case 'at least':
      return months(f.frequency);
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
