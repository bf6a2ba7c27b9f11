import { defineRule, type Finding } from './rule.js';
import { groupName, organisation } from './support.js';

export default defineRule(
  {
    id: 'scrutineer-independence',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Children Act 2004, s16G (subsection not confirmed); Working Together 2023, chapter 2 (objective scrutiny as a critical friend)',
    confirmed: true,
    description: 'The independent scrutineer is not employed by a safeguarding partner, is not a lead or delegated partner, and chairs no executive group.',
    rationale:
      'Scrutiny is only independent when the scrutineer does not answer to the partners scrutinised nor take the decisions scrutinised. ' +
      'The model checks that the scrutineer’s post is not declared inside a safeguarding partner organisation, is not in ' +
      '`lead safeguarding partners:` or `delegated safeguarding partners:`, and does not chair a group of kind executive. It ' +
      'cannot see employment or contracts not written in the sources.',
  },
  ({ model }) => {
    const p = model.partnership;
    const id = p.independentScrutineer;
    if (id === undefined) return [];
    const post = model.posts.find((x) => x.id === id);
    const title = post ? `the ${post.title}` : `\`${id}\``;
    const span = p.spans['independent scrutineer'] ?? p.span;
    const findings: Finding[] = [];
    if (post?.organisation !== undefined && p.safeguardingPartners.includes(post.organisation)) {
      const org = organisation(model, post.organisation);
      findings.push({
        span: post.span,
        message: `The independent scrutineer, ${title}, is a post of ${org?.name ?? post.organisation}, one of the safeguarding partners.`,
        hint: 'Declare the scrutineer’s post at the top level (`post scrutineer: Independent Scrutineer`), outside the partner organisations, and appoint someone independent of them.',
      });
    }
    for (const [role, ids] of [
      ['lead safeguarding partner', p.leadPartners],
      ['delegated safeguarding partner', p.delegatedPartners],
    ] as const) {
      if (!ids.includes(id)) continue;
      findings.push({
        span,
        message: `The independent scrutineer, ${title}, is also a ${role}.`,
        hint: `Name a different post in \`independent scrutineer:\`, or remove \`${id}\` from \`${role}s:\`.`,
      });
    }
    for (const group of model.groups) {
      if (group.kind !== 'executive' || group.chair?.kind !== 'seat' || group.chair.seat !== id) continue;
      findings.push({
        span: group.chair.span,
        message: `The independent scrutineer chairs ${groupName(group)}, which takes the decisions they scrutinise.`,
        hint: 'Have the partnership chair or another member chair the group; the scrutineer can attend as a member.',
      });
    }
    return findings;
  },
);
