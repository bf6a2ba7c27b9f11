import rule from '../../src/rules/quorum-members-only.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the IOW Executive shape',
      source: 'group g: G\n  members:\n    - the independent scrutineer\n    - the delegated safeguarding partners\n  quorate when one member from each of the safeguarding partners and the independent scrutineer are present\n',
    },
    { name: 'a headcount names nobody', source: 'group g: G\n  members:\n    - dcs\n  quorate when 1 members are present\n' },
  ],
  invalid: [
    {
      name: 'the scrutineer is required but not a member',
      source: 'group g: G\n  members:\n    - dcs\n  quorate when dcs and the independent scrutineer are present\n',
      findings: ['4: The quorum of G needs the independent scrutineer, who is not a member of it.'],
    },
    {
      name: 'an organisation with no member',
      source: 'group g: G\n  members:\n    - dcs\n    - nurse\n  quorate when one member from each of council, icb and police are present\n',
      findings: ['5: The quorum of G needs a member from `police`, who is not a member of it.'],
    },
    {
      name: 'a post that is not a member',
      source: 'group g: G\n  members:\n    - dcs\n  quorate when nurse is present\n',
      findings: ['4: The quorum of G needs `nurse`, who is not a member of it.'],
    },
  ],
});
