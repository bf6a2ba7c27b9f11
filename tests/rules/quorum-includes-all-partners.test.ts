import rule from '../../src/rules/quorum-includes-all-partners.js';
import { testRule } from './tester.js';

const EXEC = 'group g: Executive Group\n  kind: executive\n  members:\n    - the independent scrutineer\n    - the delegated safeguarding partners\n    - council-ceo\n';

testRule(rule, {
  valid: [
    { name: 'one member from each of the safeguarding partners (Gloucestershire)', source: `${EXEC}  quorate when one member from each of the safeguarding partners are present\n` },
    { name: 'all the members (Kent)', source: 'group g: Executive Group\n  kind: executive\n  members:\n    - dcs\n    - nurse\n    - superintendent\n  quorate when all 3 members are present\n' },
    { name: 'each partner named', source: `${EXEC}  quorate when (dcs or council-ceo) and nurse and superintendent are present\n` },
    { name: 'a share of the members, including the partners (IOW board)', source: `${EXEC}  quorate when half of the members are present, including one member from each of the safeguarding partners\n` },
    { name: 'a subgroup is not the executive', source: 'group g: G\n  kind: subgroup\n  members:\n    - dcs\n    - nurse\n  quorate when 1 members are present\n' },
    { name: 'no quorum stated (gp-quorum-defined reports it)', source: 'group g: G\n  kind: executive\n  members:\n    - dcs\n' },
  ],
  invalid: [
    {
      name: 'half of the members alone',
      source: `${EXEC}  quorate when half of the members are present\n`,
      findings: [
        '7: The quorum of the Executive Group can be met without Test Council.',
        '7: The quorum of the Executive Group can be met without Test ICB.',
        '7: The quorum of the Executive Group can be met without Test Police.',
      ],
    },
    {
      name: 'two of three partners',
      source: `${EXEC}  quorate when 2 of the safeguarding partners are present\n`,
      findings: [
        '7: The quorum of the Executive Group can be met without Test Council.',
        '7: The quorum of the Executive Group can be met without Test ICB.',
        '7: The quorum of the Executive Group can be met without Test Police.',
      ],
    },
    {
      name: 'one partner left out of the named posts',
      source: `${EXEC}  quorate when dcs and nurse are present\n`,
      findings: ['7: The quorum of the Executive Group can be met without Test Police.'],
    },
    {
      name: 'a partner with no member at all',
      source: 'group g: Executive Group\n  kind: executive\n  members:\n    - dcs\n    - nurse\n  quorate when all members are present\n',
      findings: ['6: The quorum of the Executive Group can be met without Test Police.'],
    },
  ],
});
