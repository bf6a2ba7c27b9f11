import rule from '../../src/rules/quorum-achievable.js';
import { testRule } from './tester.js';

const DSPS = 'group g: G\n  members:\n    - dcs\n    - nurse\n    - superintendent\n';

testRule(rule, {
  valid: [
    {
      name: 'the IOW Executive shape',
      source: 'group g: G\n  members:\n    - the independent scrutineer\n    - the delegated safeguarding partners\n  quorate when one member from each of the safeguarding partners and the independent scrutineer are present\n',
    },
    { name: 'all 3 members of 3 (Kent)', source: `${DSPS}  quorate when all 3 members are present\n` },
    { name: 'a headcount the members can reach', source: `${DSPS}  quorate when at least 3 members are present\n` },
    { name: 'role holders listed by post', source: `${DSPS}  quorate when 2 of the delegated safeguarding partners are present\n` },
    { name: 'separate organisations', source: `${DSPS}  quorate when representatives of 3 separate organisations are present\n` },
    { name: 'one alternative can be met', source: `${DSPS}  quorate when 8 members or one member from each of the safeguarding partners are present\n` },
    {
      name: 'one person in two seats counts once',
      source: 'post deputy: Deputy Director\n  held by Ada Lovelace\n\ngroup g: G\n  members:\n    - dcs\n    - deputy\n    - nurse\n  quorate when all 2 members are present\n',
    },
  ],
  invalid: [
    {
      name: 'a headcount larger than the members',
      source: `${DSPS}  quorate when at least 5 members are present\n`,
      findings: ['6: The quorum of the G needs at least 5 members present, but it has only 3 members.'],
    },
    {
      name: '`all N members` with a different number of members',
      source: `${DSPS}  quorate when all 4 members are present\n`,
      findings: ['6: The quorum of the G needs all 4 members, but it has 3 members.'],
    },
    {
      name: '`all N members` counts people, not seats',
      source: 'post deputy: Deputy Director\n  held by Ada Lovelace\n\ngroup g: G\n  members:\n    - dcs\n    - deputy\n    - nurse\n  quorate when all 3 members are present\n',
      findings: ['9: The quorum of the G needs all 3 members, but it has 2 members.'],
    },
    {
      name: 'more role holders than the partnership has',
      source: `${DSPS}  quorate when at least 4 of the delegated safeguarding partners are present\n`,
      findings: ['6: The quorum of the G needs at least 4 of the delegated safeguarding partners, but there are only 3.'],
    },
    {
      name: 'more role holders than sit on the group',
      source: 'group g: G\n  members:\n    - dcs\n    - nurse\n    - chief-constable\n  quorate when 3 of the delegated safeguarding partners are present\n',
      findings: ['6: The quorum of the G needs 3 of the delegated safeguarding partners, but only 2 of them are members.'],
    },
    {
      name: 'more organisations than the members come from',
      source: `${DSPS}  quorate when representatives of 4 separate organisations are present\n`,
      findings: ['6: The quorum of the G needs representatives of 4 separate organisations, but its members come from only 3 organisations.'],
    },
    {
      name: 'more sectors than the members come from',
      source: 'group g: G\n  members:\n    - dcs\n    - council-ceo\n  quorate when representatives of 2 sectors are present\n',
      findings: ['5: The quorum of the G needs representatives of 2 sectors, but its members come from only 1 sector.'],
    },
    {
      name: 'no alternative can be met',
      source: `${DSPS}  quorate when 8 members or representatives of 4 separate organisations are present\n`,
      findings: [
        '6: The quorum of the G needs 8 members present, but it has only 3 members.',
        '6: The quorum of the G needs representatives of 4 separate organisations, but its members come from only 3 organisations.',
      ],
    },
    {
      name: 'the safeguarding partners, one of them with no member',
      source: 'group g: G\n  members:\n    - dcs\n    - nurse\n  quorate when the safeguarding partners are present\n',
      findings: ['5: The quorum of the G needs the safeguarding partners, but no member of it is from Test Police.'],
    },
  ],
});
