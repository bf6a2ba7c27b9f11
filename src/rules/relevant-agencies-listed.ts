import { defineRule } from './rule.js';
import { hasArrangements } from './support.js';

export default defineRule(
  {
    id: 'relevant-agencies-listed',
    editions: ['wt18', 'wt23', 'wt26'],
    severity: 'warning',
    citation: 'Children Act 2004, s16E(1)(b); Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 (SI 2018/789), Schedule; Working Together 2018, chapter 3',
    confirmed: true,
    description: 'The published arrangements list the relevant agencies, one by one.',
    rationale:
      'The safeguarding partners choose which relevant agencies work with them, and the arrangements must say which. The model ' +
      'checks that `relevant agencies:` lists them as bullets; it cannot check that each is in the Schedule to SI 2018/789, nor ' +
      'why it was chosen and how it takes part. Only checked when the sources hold the published arrangements.',
  },
  ({ model }) => {
    if (!hasArrangements(model)) return [];
    const p = model.partnership;
    if (p.relevantAgencies.length > 0) return [];
    const block = p.spans['relevant agencies'];
    if (block) {
      return [
        {
          span: block,
          message: 'The relevant agencies are described, but not listed one by one.',
          hint: 'Write each relevant agency as a bullet under `relevant agencies:` (`- Cafcass`), with footnotes for groups such as schools.',
        },
      ];
    }
    return [
      {
        span: p.span,
        message: 'The partnership does not list its relevant agencies.',
        hint: 'Add `relevant agencies:` to the partnership with one bullet per agency, and `{relevant agencies}` in `section relevant-agencies`.',
      },
    ];
  },
);
