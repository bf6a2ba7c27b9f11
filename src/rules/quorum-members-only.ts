import type { Span } from '../diagnostics/diagnostic.js';
import type { QuorumExpr } from '../model/model.js';
import { defineRule, type Finding } from './rule.js';
import { members, roleSeatsOf } from './support.js';

export default defineRule(
  {
    id: 'quorum-members-only',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    citation: 'Consistency of the terms of reference (not a paragraph of the guidance)',
    confirmed: true,
    description: 'A quorum names only people and organisations that are members of the group.',
    rationale:
      'A quorum that requires someone who does not sit on the group can never be met as written, ' +
      'so one of the two statements is wrong. Only a compiler sees both at once. Observers never count.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      if (!group.quorum) continue;
      const seats = members(group);
      const seatIds = new Set(seats.map((s) => s.id));
      const orgs = new Set(seats.map((s) => s.organisation).filter(Boolean));
      const report = (span: Span, what: string, hint: string) =>
        findings.push({ span, message: `The quorum of ${group.title} needs ${what}, who is not a member of it.`, hint });
      walk(group.quorum.expr, (e) => {
        if (e.kind === 'present' && e.who.kind === 'id') {
          const id = e.who.id.name;
          if (!seatIds.has(id) && !orgs.has(id)) report(e.span, `\`${id}\``, `Add \`${id}\` to the members, or change the quorum.`);
        } else if (e.kind === 'present' && e.who.kind === 'role' && e.who.role !== 'members' && e.who.role !== 'safeguarding partners') {
          const ids = roleSeatsOf(e.who.role, group, model);
          if (ids.length > 0 && !ids.every((id) => seatIds.has(id))) report(e.span, `the ${e.who.role}`, `Add \`the ${e.who.role}\` to the members, or change the quorum.`);
        } else if (e.kind === 'each of' || e.kind === 'representative') {
          const ids = e.kind === 'representative' ? [e.organisation.name] : e.organisations.flatMap((w) => (w.kind === 'id' ? [w.id.name] : w.role === 'safeguarding partners' ? model.partnership.safeguardingPartners : []));
          for (const id of ids) if (!orgs.has(id) && !seatIds.has(id)) report(e.span, `a member from \`${id}\``, `Add a member from \`${id}\` to the group, or change the quorum.`);
        }
      });
    }
    return findings;
  },
);

function walk(e: QuorumExpr, visit: (e: QuorumExpr) => void): void {
  visit(e);
  if (e.kind === 'and' || e.kind === 'or') for (const t of e.terms) walk(t, visit);
  if (e.kind === 'brackets') walk(e.expr, visit);
}
