import { defineRule, type Finding } from './rule.js';
import { groupName, members, organisationName, seatTitle } from './support.js';

export default defineRule(
  {
    id: 'chair-is-member',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    citation: 'Consistency of the terms of reference (not a paragraph of the guidance)',
    confirmed: true,
    description: 'A group is chaired by one of its members; each organisation of a chair rotation has a member on the group.',
    rationale:
      'Whoever chairs a meeting sits at the table and counts towards its quorum. The language makes a chair who is ' +
      'a post one of the members (the resolver seats them), so for such a chair this rule is only a guard: it reports ' +
      'a post chair missing from the members or seated only as an observer, which the resolver now prevents; it ' +
      'cannot see a chair also listed under `observers:`, which the resolver silently seats as a member. The real ' +
      'check is the yearly rotation: every organisation in it must have a member on the group, or that year\'s chair ' +
      'would not sit on it. A chair nominated by another group and an independent chair are exempt: the terms of ' +
      'reference do not say who they will be, so there is no post or organisation to look for. Groups that list no ' +
      'members at all are not checked, as their membership is described only in prose.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      const chair = group.chair;
      if (!chair || group.seats.length === 0) continue;
      const seats = members(group);
      if (chair.kind === 'seat') {
        const holder = model.posts.find((p) => p.id === chair.seat)?.holder;
        const sits = seats.some((s) => s.id === chair.seat || (holder !== undefined && s.person === holder));
        if (sits) continue;
        const who = chair.role ? `the ${chair.role} (${seatTitle(model, chair.seat)})` : seatTitle(model, chair.seat);
        const observer = group.seats.some((s) => s.id === chair.seat);
        const listed = chair.role ? `the ${chair.role}` : chair.seat;
        findings.push({
          span: chair.span,
          message: observer
            ? `${capital(groupName(group))} is chaired by ${who}, who is only an observer of it.`
            : `${capital(groupName(group))} is chaired by ${who}, who is not one of its members.`,
          hint: observer ? `Move \`${listed}\` from \`observers:\` to \`members:\`.` : `Add \`${listed}\` to \`members:\`, or change who chairs it.`,
        });
      } else if (chair.kind === 'rotation') {
        for (const org of chair.organisations) {
          if (seats.some((s) => s.organisation === org || s.id === org)) continue;
          findings.push({
            span: chair.span,
            message: `The chair of ${groupName(group)} rotates to ${organisationName(model, org)}, which has no member on it.`,
            hint: `Add a member from \`${org}\`, or take \`${org}\` out of the rotation.`,
          });
        }
      }
    }
    return findings;
  },
);

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
