import { defineRule, type Finding } from './rule.js';
import { arrangementsTexts, findMention, hasArrangements, LOOKED_AFTER, sentences } from './support.js';

const EXCLUDED = /\bout of scope\b|\boutside (of )?(the )?scope\b|\bnot (in|within|part of) (the )?scope\b|\bexclud(e|es|ed|ing)\b|\b(does|do|will) not (cover|apply|include)\b|\bnot (covered|included)\b/i;

export default defineRule(
  {
    id: 'looked-after-children-in-scope',
    editions: ['wt26'],
    severity: 'warning',
    citation: 'Working Together 2026 (looked-after children in scope; via Leeds SCP summary)',
    confirmed: true,
    description: 'The published arrangements include looked-after children, and nothing puts them out of scope.',
    rationale:
      'Working Together 2026 brings looked-after children, including those placed in the area by other local authorities, into ' +
      'the scope of the arrangements. The model looks for looked-after children or children in care in the arrangements, and ' +
      'for a sentence that mentions them together with words such as out of scope, excluded or not covered; it cannot read ' +
      'scope stated in other words, nor check placements from other areas.',
  },
  ({ model }) => {
    if (!hasArrangements(model)) return [];
    const texts = arrangementsTexts(model);
    const findings: Finding[] = [];
    for (const t of texts) {
      if (!LOOKED_AFTER.test(t.text)) continue;
      const sentence = sentences(t.text).find((s) => LOOKED_AFTER.test(s) && EXCLUDED.test(s));
      if (!sentence) continue;
      findings.push({
        span: t.span,
        message: `The arrangements put looked-after children out of scope: “${sentence.trim()}”`,
        hint: 'Remove the exclusion: under Working Together 2026 the arrangements cover looked-after children, including those placed in the area by other local authorities.',
      });
    }
    if (findings.length > 0 || findMention(texts, LOOKED_AFTER)) return findings;
    return [
      {
        span: model.partnership.span,
        message: 'The published arrangements do not mention looked-after children.',
        hint: 'Say in the arrangements (e.g. in `section area`) that they cover looked-after children, including children placed in the area by other local authorities.',
      },
    ];
  },
);
