import rule from '../../src/rules/chair-is-member.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [
    { name: 'the chair is a member', source: 'group g: G\n  chaired by dcs\n  members:\n    - dcs\n    - nurse\n' },
    { name: 'the partnership chair among the delegated safeguarding partners', source: 'group g: G\n  chaired by the partnership chair\n  members:\n    - the delegated safeguarding partners\n' },
    { name: 'each organisation of the rotation has a member (Kent)', source: 'group g: G\n  chaired in yearly rotation by police, council and icb\n  members:\n    - superintendent\n    - dcs\n    - nurse\n' },
    { name: 'a nominated chair is exempt', source: 'group e: E\n  members:\n    - dcs\n\ngroup g: G\n  chaired by a member nominated by e\n  members:\n    - nurse\n' },
    { name: 'an independent chair is exempt', source: 'group g: G\n  chaired by an independent chair appointed by the safeguarding partners\n  members:\n    - nurse\n' },
    { name: 'no member list: membership only in prose', source: 'group g: G\n  chaired in yearly rotation by police and council\n  membership:\n    Senior managers of the partners.\n' },
  ],
  invalid: [
    {
      name: 'a rotation organisation with no member',
      source: 'group g: G\n  chaired in yearly rotation by police, council and icb\n  members:\n    - dcs\n    - nurse\n',
      findings: ['2: The chair of the G rotates to Test Police, which has no member on it.'],
    },
    {
      name: 'two rotation organisations with no member',
      source: 'group g: G\n  chaired in yearly rotation by police, council and icb\n  members:\n    - education\n',
      findings: ['2: The chair of the G rotates to Test Police, which has no member on it.', '2: The chair of the G rotates to Test ICB, which has no member on it.'],
    },
  ],
});
