import { defineRule } from './rule.js';
import { arrangementsTexts, findMention, hasArrangements, YOUTH_CUSTODY } from './support.js';

export default defineRule(
  {
    id: 'youth-custody-residential-included',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2018, chapter 3, contents of the published arrangements (via Bevan Brittan); Working Together 2023 and 2026: para not confirmed',
    confirmed: false,
    description: 'The published arrangements say how youth custody and residential settings (children’s homes) are included.',
    rationale:
      'Working Together 2018 asks the arrangements to include youth custody and residential settings in the area; that 2023 and ' +
      '2026 still ask it was not confirmed. The model looks for youth custody, the secure estate, secure settings or children’s ' +
      'homes anywhere in the arrangements (a statement that there are none counts); it cannot know which settings are in the area.',
  },
  ({ model }) => {
    if (!hasArrangements(model) || findMention(arrangementsTexts(model), YOUTH_CUSTODY)) return [];
    return [
      {
        span: model.partnership.span,
        message: 'The published arrangements do not mention youth custody, secure settings or children’s homes.',
        hint: 'Add `section youth-custody: Youth Custody and Residential Settings` saying how the secure estate and children’s homes in the area are included, or that there are none.',
      },
    ];
  },
);
