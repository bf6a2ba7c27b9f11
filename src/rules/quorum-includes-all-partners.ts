import { countingSeats, isQuorate } from '../quorum/evaluate.js';
import { defineRule, type Finding } from './rule.js';
import { groupName, isDecisionMaking, organisationName } from './support.js';

export default defineRule(
  {
    id: 'quorum-includes-all-partners',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Derived from the joint and equal duty: Children Act 2004 s16E; WT18 ch.3; WT23 ch.2 (the guidance defines no quorum)',
    confirmed: true,
    description: 'An executive group cannot be quorate without a member from each safeguarding partner.',
    rationale:
      'The three safeguarding partners share a joint and equal duty, so the group that decides for them should not ' +
      'be able to decide with one of them absent (Gloucestershire sets its quorum as the three partners). ' +
      'For each partner, the model asks whether the quorum is met when every member attends except that ' +
      "partner's posts, units and representatives; quorums are monotone, so that is the most favourable attendance " +
      'without it. It cannot tell whether a deputy would attend in their place (GP3), nor the organisation of a chair ' +
      'who holds no declared post. Groups of a multi-area collaboration are not checked: the model knows only this ' +
      "partnership's partners, not those of the other areas.",
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      if (!isDecisionMaking(group) || !group.quorum || group.partOf !== undefined) continue;
      const seats = countingSeats(group);
      const scope = { group, model };
      // A quorum nobody can meet is quorum-achievable's finding, not this one.
      if (!isQuorate(group.quorum.expr, { present: new Set(seats.map((s) => s.id)) }, scope)) continue;
      for (const partner of model.partnership.safeguardingPartners) {
        const present = new Set(seats.filter((s) => s.organisation !== partner && s.id !== partner).map((s) => s.id));
        if (!isQuorate(group.quorum.expr, { present }, scope)) continue;
        const name = organisationName(model, partner);
        findings.push({
          span: group.quorum.span,
          message: `The quorum of ${groupName(group)} can be met without ${name}.`,
          hint: `Require a member from each partner, e.g. \`quorate when one member from each of the safeguarding partners are present\`, or add \`${partner}\` to the quorum.`,
        });
      }
    }
    return findings;
  },
);
