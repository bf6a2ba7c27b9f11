import type { Group, Model, Who } from '../model/model.js';
import { roleSeats } from '../quorum/evaluate.js';
import { defineRule, type Finding } from './rule.js';
import { groupName, members, organisationName, seatTitle } from './support.js';

export default defineRule(
  {
    id: 'joint-equal-duty',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Children Act 2004 s16E; WT18 ch.3; WT23 ch.2 (the safeguarding partners share a joint and equal duty)',
    confirmed: true,
    description: 'No one post or partner decides for the others: a majority vote rests with more than one person, and a chair rotation includes each partner on the group.',
    rationale:
      'The three safeguarding partners have a joint and equal duty; where a single lead is needed, all three agree ' +
      'who leads. The model checks `decides … by a majority vote of …`: a vote of one post (or of `the chair`) is one ' +
      'person deciding, and a vote where one organisation holds more than half the votes lets one partner outvote ' +
      'the others. It checks that a yearly chair rotation includes every safeguarding partner that has a member on ' +
      'the group. It cannot read a casting vote, a veto or a lead "agreed by all three" written in prose.',
  },
  ({ model }) => {
    const findings: Finding[] = [];
    for (const group of model.groups) {
      const vote = group.decisions?.majorityOf;
      if (group.decisions && vote) {
        const problem = singleVoter(vote, group, model);
        if (problem) findings.push({ span: group.decisions.span, ...problem });
      }
      const chair = group.chair;
      if (chair?.kind === 'rotation') {
        const seats = members(group);
        for (const partner of model.partnership.safeguardingPartners) {
          if (chair.organisations.includes(partner)) continue;
          if (!seats.some((s) => s.organisation === partner || s.id === partner)) continue;
          findings.push({
            span: chair.span,
            message: `The chair of ${groupName(group)} rotates without ${organisationName(model, partner)}, a safeguarding partner that sits on it.`,
            hint: `Add \`${partner}\` to the rotation, so that each partner takes its turn.`,
          });
        }
      }
    }
    return findings;
  },
);

/** Whether a majority vote rests with one person or one organisation. */
function singleVoter(vote: Who, group: Group, model: Model): { message: string; hint: string } | undefined {
  const name = capital(groupName(group));
  const hint = 'Let the decision rest with the safeguarding partners jointly, e.g. `decides by consensus, otherwise by a majority vote of the delegated safeguarding partners`.';
  if (vote.kind === 'id') {
    const id = vote.id.name;
    const isPost = model.posts.some((p) => p.id === id);
    const who = isPost ? `the ${seatTitle(model, id)}` : seatTitle(model, id);
    return { message: `${name} decides by a majority vote of ${who} alone: one ${isPost ? 'person' : 'organisation'} decides for the safeguarding partners.`, hint };
  }
  if (vote.role === 'chair' || vote.role === 'partnership chair' || vote.role === 'independent scrutineer') {
    return { message: `${name} decides by a majority vote of the ${vote.role}, who is one person: one person decides for the safeguarding partners.`, hint };
  }
  if (vote.role === 'safeguarding partners') return undefined;
  const seats = members(group);
  const ids = vote.role === 'members' ? seats.map((s) => s.id) : roleSeats(vote.role, { group, model });
  const voters = ids.map((id) => {
    const post = model.posts.find((p) => p.id === id);
    return { id, person: post?.holder, organisation: post?.organisation ?? seats.find((s) => s.id === id)?.organisation };
  });
  const total = people(voters);
  if (total === 1) {
    return { message: `${name} decides by a majority vote of the ${vote.role}, who are one person: one person decides for the safeguarding partners.`, hint };
  }
  // One safeguarding partner holding more than half of the votes can outvote the others.
  for (const partner of model.partnership.safeguardingPartners) {
    const theirs = people(voters.filter((v) => v.organisation === partner));
    if (theirs * 2 > total) {
      return {
        message: `${name} decides by a majority vote of the ${vote.role}, in which ${organisationName(model, partner)} holds ${theirs} of the ${total} votes and can outvote the other partners.`,
        hint: 'Give each safeguarding partner an equal say, e.g. `decides by consensus, otherwise by a majority vote of the safeguarding partners`.',
      };
    }
  }
  return undefined;
}

/** People, not posts: two posts held by one named person are one vote. */
function people(voters: ReadonlyArray<{ id: string; person: string | undefined }>): number {
  return new Set(voters.map((v) => (v.person ? `person:${v.person}` : `seat:${v.id}`))).size;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
