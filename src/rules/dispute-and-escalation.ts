import { defineRule } from './rule.js';
import { arrangementsTexts, ESCALATION, findMention, groupTexts, hasArrangements } from './support.js';

export default defineRule(
  {
    id: 'dispute-and-escalation',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2023, chapter 2 (partnership chair: clear escalation, via Warwickshire; independent scrutineer: advice in disputes, via Halton)',
    confirmed: true,
    description: 'The arrangements or a group’s terms of reference describe how disputes are resolved and concerns escalated.',
    rationale:
      'The safeguarding partners have an equal duty, so the arrangements need a route for one partner to challenge the others ' +
      'that ends with the lead safeguarding partners, and an escalation policy for practitioners. The model looks for ' +
      'escalation, disputes or disagreements in the sections and in every group’s prose; it cannot tell whether the route ' +
      'described ends with the lead safeguarding partners. Only checked when the sources hold the published arrangements.',
  },
  ({ model }) => {
    if (!hasArrangements(model)) return [];
    if (findMention(arrangementsTexts(model), ESCALATION)) return [];
    if (model.groups.some((g) => findMention(groupTexts(g), ESCALATION))) return [];
    return [
      {
        span: model.partnership.span,
        message: 'Neither the arrangements nor any group says how disputes between partners are resolved or concerns escalated.',
        hint: 'Add to `section governance` how a safeguarding partner raises a dispute with the others, how it is escalated to the lead safeguarding partners, and where the practitioners’ escalation policy is.',
      },
    ];
  },
);
