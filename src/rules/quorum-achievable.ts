import type { Group, Model, QuorumExpr } from '../model/model.js';
import { countingSeats, headcount, isQuorate, roleSeats } from '../quorum/evaluate.js';
import { defineRule, type Finding } from './rule.js';
import { groupName, members, organisationName, plural } from './support.js';

export default defineRule(
  {
    id: 'quorum-achievable',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'error',
    citation: 'Consistency of the terms of reference (not a paragraph of the guidance)',
    confirmed: true,
    description: 'With every member present the quorum is met, and `all N members` counts the members there are.',
    rationale:
      'A quorum that cannot be met even when every member attends means no meeting can ever decide, ' +
      'so the quorum or the membership is wrong. The model counts people (one person holding two seats ' +
      'counts once; observers never count) and compares headcounts, `N of` a role set, separate organisations ' +
      'and sectors with what the membership can supply. A quorum that names someone who is not a member is left ' +
      'to `quorum-members-only`. It cannot check `the chair` when the chair is nominated, independent or rotates, ' +
      'as the model does not know who that will be, nor whether deputies make up the numbers.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      if (!group.quorum) continue;
      const name = groupName(group);
      const total = headcount(members(group));
      // `all N members` must count the members there are, met or not.
      for (const term of allTerms(group.quorum.expr)) {
        if (term.count !== undefined && term.count !== total) {
          findings.push({
            span: term.span,
            message: `The quorum of ${name} needs all ${term.count} members, but it has ${plural(total, 'member')}.`,
            hint: total === 0 ? 'List the members under `members:`.' : `Write \`all ${total} members\` (or \`all members\`), or correct the member list.`,
          });
        }
      }
      const everyone = new Set(countingSeats(group).map((s) => s.id));
      const scope = { group, model };
      if (isQuorate(group.quorum.expr, { present: everyone }, scope)) continue;
      const reasons = failures(group.quorum.expr, group, model, total, (e) => isQuorate(e, { present: everyone }, scope));
      // Someone missing from the members is quorum-members-only's finding; an unknown chair cannot be checked.
      for (const r of reasons) if (typeof r !== 'string') findings.push(r);
    }
    return findings;
  },
);

type Reason = Finding | 'not a member' | 'unknown';

/** Why a quorum is not met with everyone present: the failing terms, and what each needs. */
function failures(expr: QuorumExpr, group: Group, model: Model, total: number, met: (e: QuorumExpr) => boolean): Reason[] {
  if (met(expr)) return [];
  const name = groupName(group);
  const span = expr.span;
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.terms.flatMap((t) => failures(t, group, model, total, met));
    case 'brackets':
      return failures(expr.expr, group, model, total, met);
    case 'count':
      if (total >= expr.count) return ['unknown'];
      return [
        {
          span,
          message: `The quorum of ${name} needs ${expr.atLeast ? 'at least ' : ''}${plural(expr.count, 'member')} present, but it has ${total === 0 ? 'no members' : `only ${plural(total, 'member')}`}.`,
          hint: total === 0 ? 'List the members under `members:`.' : `Lower the number to at most ${total}, or add the missing members.`,
        },
      ];
    case 'fraction':
      if (total > 0) return ['unknown'];
      return [{ span, message: `The quorum of ${name} needs ${expr.fraction.name} of the members, but it has no members.`, hint: 'List the members under `members:`.' }];
    case 'all':
      return []; // reported above when the count is wrong; with no count, everyone present meets it.
    case 'organisations':
    case 'sectors': {
      const seats = members(group);
      const kinds = new Map(model.organisations.map((o) => [o.id, o.kind ?? o.id]));
      const orgs = new Set(seats.map((s) => s.organisation).filter((o): o is string => !!o));
      const have = expr.kind === 'organisations' ? orgs.size : new Set([...orgs].map((o) => kinds.get(o) ?? o)).size;
      if (have >= expr.count) return ['unknown'];
      const what = expr.kind === 'organisations' ? 'separate organisations' : 'sectors';
      const of = expr.kind === 'organisations' ? 'organisation' : 'sector';
      return [
        {
          span,
          message: `The quorum of ${name} needs representatives of ${expr.count} ${what}, but its members come from ${have === 0 ? 'no' : `only ${have}`} ${have === 1 ? of : `${of}s`}.`,
          hint: `Lower the number to at most ${have}, or add members from other ${of}s.`,
        },
      ];
    }
    case 'some of': {
      const held = holders(expr.role, group, model);
      if (held.members >= expr.count) return ['unknown'];
      const where = held.total < expr.count ? `there ${held.total === 1 ? 'is' : 'are'} only ${held.total}` : `only ${held.members} of them ${held.members === 1 ? 'is a member' : 'are members'}`;
      return [
        {
          span,
          message: `The quorum of ${name} needs ${expr.atLeast ? 'at least ' : ''}${expr.count} of the ${expr.role}, but ${where}.`,
          hint: held.total < expr.count ? `Lower the number to at most ${held.total}.` : `Add the ${expr.role} to the members, or lower the number.`,
        },
      ];
    }
    case 'present':
      if (expr.who.kind === 'role' && expr.who.role === 'safeguarding partners') {
        const missing = model.partnership.safeguardingPartners.filter((org) => !members(group).some((s) => s.organisation === org || s.id === org));
        if (missing.length === 0) return ['unknown'];
        return missing.map((org) => ({
          span,
          message: `The quorum of ${name} needs the safeguarding partners, but no member of it is from ${organisationName(model, org)}.`,
          hint: `Add a member from \`${org}\`, or change the quorum.`,
        }));
      }
      // `the chair` of a group chaired by nomination or rotation cannot be checked; other names are quorum-members-only's.
      if (expr.who.kind === 'role' && expr.who.role === 'chair' && roleSeats('chair', { group, model }).length === 0) return ['unknown'];
      return ['not a member'];
    case 'each of':
    case 'representative':
      return ['not a member'];
  }
}

/** The `all N members` terms of a quorum. */
function allTerms(expr: QuorumExpr): Array<Extract<QuorumExpr, { kind: 'all' }>> {
  if (expr.kind === 'all') return [expr];
  if (expr.kind === 'and' || expr.kind === 'or') return expr.terms.flatMap(allTerms);
  if (expr.kind === 'brackets') return allTerms(expr.expr);
  return [];
}

/** How many hold a role set in the partnership, and how many of them sit on the group: people, or organisations for the safeguarding partners. */
function holders(role: Extract<QuorumExpr, { kind: 'some of' }>['role'], group: Group, model: Model): { total: number; members: number } {
  const seats = members(group);
  if (role === 'safeguarding partners') {
    const orgs = model.partnership.safeguardingPartners;
    return { total: orgs.length, members: orgs.filter((org) => seats.some((s) => s.organisation === org || s.id === org)).length };
  }
  const ids = roleSeats(role, { group, model });
  const posts = ids.map((id) => ({ id, person: model.posts.find((p) => p.id === id)?.holder }));
  const people = (xs: ReadonlyArray<{ id: string; person: string | undefined }>) => new Set(xs.map((x) => (x.person ? `person:${x.person}` : `seat:${x.id}`))).size;
  return { total: people(posts), members: people(posts.filter((p) => seats.some((s) => s.id === p.id))) };
}
