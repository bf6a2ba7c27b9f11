import { defineRule, type Finding } from './rule.js';
import { organisation } from './support.js';

export default defineRule(
  {
    id: 'dsp-named-per-partner',
    editions: ['wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2023, chapter 2, delegated safeguarding partners (via Leeds SCP; para not confirmed)',
    confirmed: false,
    description: 'Each safeguarding partner has at least one delegated safeguarding partner, named.',
    rationale:
      'Each lead safeguarding partner names a senior officer, the delegated safeguarding partner, to act for their organisation. ' +
      'The model checks that a post in `delegated safeguarding partners:` belongs to each partner organisation and that at ' +
      'least one of them names its holder. It does not require exactly one (some partners delegate to two officers), and it ' +
      'cannot check the seniority or the authority delegated.',
  },
  ({ model }) => {
    const p = model.partnership;
    const findings: Finding[] = [];
    if (p.delegatedPartners.length === 0) {
      return [
        {
          span: p.spans['delegated safeguarding partners'] ?? p.span,
          message: 'The partnership does not name its delegated safeguarding partners.',
          hint: 'Add `delegated safeguarding partners: <post>, <post> and <post>` with a senior officer of each safeguarding partner.',
        },
      ];
    }
    const posts = p.delegatedPartners.map((id) => model.posts.find((x) => x.id === id)).filter((x) => x !== undefined);
    for (const orgId of p.safeguardingPartners) {
      const org = organisation(model, orgId);
      if (!org) continue;
      const own = posts.filter((x) => x.organisation === orgId);
      if (own.length === 0) {
        findings.push({
          span: p.spans['delegated safeguarding partners'] ?? p.span,
          message: `${org.name} has no delegated safeguarding partner.`,
          hint: `Add the senior officer who acts for ${org.name} to \`delegated safeguarding partners:\` (a post declared in \`organisation ${orgId}\`).`,
        });
      } else if (own.every((x) => x.holder === undefined)) {
        const first = own[0]!;
        const titles = own.map((x) => `the ${x.title}`).join(', ');
        findings.push({
          span: first.span,
          message: `The delegated safeguarding partner for ${org.name} (${titles}) is not named.`,
          hint: `Add \`held by <name>\` under \`post ${first.id}\`.`,
        });
      }
    }
    return findings;
  },
);
