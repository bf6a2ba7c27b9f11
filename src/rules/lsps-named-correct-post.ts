import { defineRule, type Finding } from './rule.js';
import { organisation } from './support.js';

export default defineRule(
  {
    id: 'lsps-named-correct-post',
    editions: ['wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2023, chapter 2, lead safeguarding partners (via Leeds SCP; para not confirmed)',
    confirmed: false,
    description: 'Each safeguarding partner has a named lead safeguarding partner: the chief executive (local authority, ICB) or the chief officer of police.',
    rationale:
      'Working Together 2023 makes the head of each safeguarding partner its lead safeguarding partner: the chief executives of the ' +
      'local authority and the integrated care board, and the chief officer of police. The model checks that a post in ' +
      '`lead safeguarding partners:` belongs to each partner organisation, that it names its holder, and that its title reads as ' +
      'chief executive, chief constable, chief officer or commissioner; it cannot tell an acting or interim holder, nor a title ' +
      'worded some other way for the same office.',
  },
  ({ model }) => {
    const p = model.partnership;
    const findings: Finding[] = [];
    if (p.leadPartners.length === 0) {
      return [
        {
          span: p.spans['lead safeguarding partners'] ?? p.span,
          message: 'The partnership does not name its lead safeguarding partners.',
          hint: 'Add `lead safeguarding partners: <council-ceo>, <icb-ceo> and <chief-constable>` with the head of each safeguarding partner.',
        },
      ];
    }
    const posts = p.leadPartners.map((id) => model.posts.find((x) => x.id === id)).filter((x) => x !== undefined);
    for (const orgId of p.safeguardingPartners) {
      const org = organisation(model, orgId);
      if (!org) continue;
      const police = org.kind === 'police';
      const head = police ? 'the chief constable (chief officer of police)' : 'the chief executive';
      const own = posts.filter((x) => x.organisation === orgId);
      if (own.length === 0) {
        findings.push({
          span: p.spans['lead safeguarding partners'] ?? p.span,
          message: `${org.name} has no lead safeguarding partner.`,
          hint: `Add a post for ${head} to \`organisation ${orgId}\` and name it in \`lead safeguarding partners:\`.`,
        });
        continue;
      }
      for (const post of own) {
        const right = police ? /\bchief constable\b|\bchief officer\b|^commissioner\b|\bcommissioner of (the )?police\b/i.test(post.title) : /\bchief executive\b/i.test(post.title);
        if (!right) {
          findings.push({
            span: p.spans['lead safeguarding partners'] ?? post.span,
            message: `The lead safeguarding partner for ${org.name} is the ${post.title}; it should be ${head}.`,
            hint: `Name ${head} of ${org.name} in \`lead safeguarding partners:\`; the ${post.title} can be a delegated safeguarding partner.`,
          });
        }
        if (post.holder === undefined) {
          findings.push({
            span: post.span,
            message: `The lead safeguarding partner for ${org.name}, the ${post.title}, is not named.`,
            hint: `Add \`held by <name>\` under \`post ${post.id}\`.`,
          });
        }
      }
    }
    return findings;
  },
);
