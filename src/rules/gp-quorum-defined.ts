import type { QuorumExpr } from '../model/model.js';
import { defineRule, type Finding } from './rule.js';
import { groupName, isStrategic } from './support.js';

export default defineRule(
  {
    id: 'gp-quorum-defined',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'info',
    citation: 'Local good practice GP2 (not in the guidance; see Gloucestershire)',
    confirmed: true,
    description: 'Executive groups and boards state a quorum, defined by organisation rather than by headcount.',
    rationale:
      'Without a quorum nobody can tell whether a meeting could decide; a quorum of "half of the members" can be met ' +
      'with a safeguarding partner absent. The model checks that every executive group and board has `quorate when`, ' +
      'and reports any quorum that can be met by a headcount or a share of the members alone, with no organisation, ' +
      'post or role named on that path (an `or` with such an alternative counts). `all members` is not a headcount: ' +
      'every member, so every organisation, must attend. `representatives of N separate organisations` counts ' +
      'organisations and is accepted. Whether deputies count is GP3.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      const name = groupName(group);
      if (!group.quorum) {
        if (isStrategic(group)) {
          findings.push({
            span: group.span,
            message: `${capital(name)} does not say when it is quorate.`,
            hint: 'Add e.g. `quorate when one member from each of the safeguarding partners are present`.',
          });
        }
        continue;
      }
      if (!byHeadcount(group.quorum.expr)) continue;
      findings.push({
        span: group.quorum.span,
        message: `The quorum of ${name} is defined by headcount, not by organisation.`,
        hint: 'Name who must attend, e.g. `…, including one member from each of the safeguarding partners`.',
      });
    }
    return findings;
  },
);

/** Whether the quorum can be met by numbers alone: some way through it names no organisation, post or role. */
function byHeadcount(e: QuorumExpr): boolean {
  switch (e.kind) {
    case 'count':
    case 'fraction':
      return true;
    case 'and':
      return e.terms.every(byHeadcount);
    case 'or':
      return e.terms.some(byHeadcount);
    case 'brackets':
      return byHeadcount(e.expr);
    default:
      return false;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
