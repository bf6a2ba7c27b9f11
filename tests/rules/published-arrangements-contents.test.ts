import rule from '../../src/rules/published-arrangements-contents.js';
import { testRule } from './tester.js';

/** One section per item, in the words of the IOW arrangements, leaving out those named. */
const arrangements = (leaveOut: string[] = [], extra = '') => {
  const sections: Record<string, string> = {
    'lead-partners': 'section lead-partners: Lead Safeguarding Partners\n  {lead safeguarding partners}\n',
    area: 'section area: Geographical Area\n  The Isle of Wight Council boundary.\n',
    reviews: 'section reviews: Local Child Safeguarding Practice Reviews\n  The Learning and Inquiry Group conducts Rapid Reviews.\n',
    scrutiny: 'section scrutiny: Scrutiny, Audit and Assurance\n  An annual programme of scrutiny.\n',
    'relevant-agencies': 'section relevant-agencies: Relevant Agencies\n  {relevant agencies}\n\n  There are no youth custody facilities within the area.\n',
    education: 'section education: The Role of Education\n  Schools are represented.\n',
    data: 'section data: Performance Data and Intelligence\n  Data is provided each quarter.\n',
    training: 'section training: Multi-Agency Professional Learning and Development\n  A training programme.\n',
    thresholds: 'section thresholds: Thresholds\n  The Thresholds Document is on the website.\n',
    chair: 'section chair: Partnership Chair\n  {partnership chair}\n',
    funding: 'section funding: Funding Arrangements\n  The partners agree contributions.\n',
    voice: 'section voice: Voice and Engagement\n  We listen to young people.\n',
  };
  const body = Object.entries(sections)
    .filter(([id]) => !leaveOut.includes(id))
    .map(([, text]) => text)
    .join('\n');
  return `partnership p: P\n  relevant agencies:\n    - Cafcass\n\n${body}${extra}`;
};

testRule(rule, {
  valid: [
    { name: 'every item (2026)', source: arrangements(), edition: 'wt26' },
    { name: '2018 does not ask for chair, funding and voice', source: arrangements(['chair', 'funding', 'voice']), edition: 'wt18' },
    { name: 'the partners by placeholder in another section', source: arrangements(['lead-partners'], '\nsection foreword: Foreword\n  {delegated safeguarding partners}\n') },
    { name: 'youth custody in a section of its own', source: arrangements(['relevant-agencies'], "\nsection youth-custody: Youth Custody\n  None.\nsection relevant-agencies: Relevant Agencies\n  {relevant agencies}\n") },
    { name: 'terms of reference only', source: 'partnership p: P\n' },
  ],
  invalid: [
    {
      name: 'a MASA with no scrutiny section',
      source: arrangements(['scrutiny']),
      findings: ['1: The published arrangements do not set out the arrangements for independent scrutiny.'],
    },
    {
      name: '2023 items missing',
      source: arrangements(['chair', 'funding', 'voice']),
      edition: 'wt23',
      findings: [
        '1: The published arrangements do not set out the partnership chair.',
        '1: The published arrangements do not set out how the partners fund the arrangements.',
        '1: The published arrangements do not set out how the voices of children and families are heard.',
      ],
    },
    {
      name: 'no partners, relevant agencies or youth custody',
      source: arrangements(['lead-partners', 'relevant-agencies']),
      findings: [
        '1: The published arrangements do not set out the safeguarding partners and their lead and delegated safeguarding partners.',
        '1: The published arrangements do not set out the relevant agencies.',
        '1: The published arrangements do not set out youth custody and residential settings (children’s homes).',
      ],
    },
    {
      name: 'area, reviews, education, data, training and thresholds',
      source: arrangements(['area', 'reviews', 'education', 'data', 'training', 'thresholds']),
      findings: [
        '1: The published arrangements do not set out the geographical area.',
        '1: The published arrangements do not set out how local child safeguarding practice reviews are commissioned and published.',
        '1: The published arrangements do not set out how schools, colleges and early years settings are included.',
        '1: The published arrangements do not set out how data and intelligence are used, including on early help.',
        '1: The published arrangements do not set out multi-agency training.',
        '1: The published arrangements do not set out the threshold document.',
      ],
    },
  ],
});
