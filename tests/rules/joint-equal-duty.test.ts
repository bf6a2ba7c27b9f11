import rule from '../../src/rules/joint-equal-duty.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [
    { name: 'consensus, otherwise the delegated safeguarding partners (IOW)', source: 'group g: G\n  members:\n    - the delegated safeguarding partners\n  decides by consensus, otherwise by a majority vote of the delegated safeguarding partners\n' },
    { name: 'a vote of the members, no partner holding a majority', source: 'group g: G\n  members:\n    - dcs\n    - nurse\n    - superintendent\n  decides by a majority vote of the members\n' },
    { name: 'a vote of the safeguarding partners', source: 'group g: G\n  members:\n    - dcs\n  decides by a majority vote of the safeguarding partners\n' },
    { name: 'a rotation of every partner (Kent)', source: 'group g: G\n  chaired in yearly rotation by police, council and icb\n  members:\n    - superintendent\n    - dcs\n    - nurse\n' },
    { name: 'a rotation may leave out a partner that does not sit on the group', source: 'group g: G\n  chaired in yearly rotation by police and council\n  members:\n    - superintendent\n    - dcs\n' },
  ],
  invalid: [
    {
      name: 'a majority vote of one post',
      source: 'group g: G\n  members:\n    - dcs\n    - nurse\n  decides by consensus, otherwise by a majority vote of dcs\n',
      findings: ["5: The G decides by a majority vote of the Director of Children's Services alone: one person decides for the safeguarding partners."],
    },
    {
      name: 'a majority vote of the chair',
      source: 'group g: G\n  chaired by nurse\n  members:\n    - dcs\n    - nurse\n  decides by a majority vote of the chair\n',
      findings: ['6: The G decides by a majority vote of the chair, who is one person: one person decides for the safeguarding partners.'],
    },
    {
      name: 'a majority vote of one organisation',
      source: 'group g: G\n  members:\n    - dcs\n    - nurse\n  decides by a majority vote of council\n',
      findings: ['5: The G decides by a majority vote of Test Council alone: one organisation decides for the safeguarding partners.'],
    },
    {
      name: 'one partner holds most of the votes',
      source: 'group g: G\n  members:\n    - dcs\n    - council-ceo\n    - education\n    - nurse\n  decides by a majority vote of the members\n',
      findings: ['7: The G decides by a majority vote of the members, in which Test Council holds 3 of the 4 votes and can outvote the other partners.'],
    },
    {
      name: 'a rotation that leaves out a partner on the group',
      source: 'group g: G\n  chaired in yearly rotation by police and council\n  members:\n    - superintendent\n    - dcs\n    - nurse\n',
      findings: ['2: The chair of the G rotates without Test ICB, a safeguarding partner that sits on it.'],
    },
  ],
});
