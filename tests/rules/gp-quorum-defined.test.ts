import rule from '../../src/rules/gp-quorum-defined.js';
import { testRule } from './tester.js';

const MEMBERS = '  members:\n    - dcs\n    - nurse\n    - superintendent\n';

testRule(rule, {
  valid: [
    { name: 'by organisation (Gloucestershire)', source: `group g: Executive Group\n  kind: executive\n${MEMBERS}  quorate when one member from each of the safeguarding partners are present\n` },
    { name: 'a share including the partners (IOW board)', source: `group g: Board\n  kind: board\n${MEMBERS}  quorate when half of the members are present, including one member from each of the safeguarding partners\n` },
    { name: 'all the members (Kent)', source: `group g: Executive Group\n  kind: executive\n${MEMBERS}  quorate when all 3 members are present\n` },
    { name: 'separate organisations', source: `group g: Board\n  kind: board\n${MEMBERS}  quorate when representatives of 3 separate organisations are present\n` },
    { name: 'a subgroup need not state a quorum', source: 'group g: Subgroup\n  kind: subgroup\n' },
  ],
  invalid: [
    {
      name: 'an executive with no quorum',
      source: 'group g: Executive Group\n  kind: executive\n',
      findings: ['1: The Executive Group does not say when it is quorate.'],
    },
    {
      name: 'a board with no quorum',
      source: 'group g: Main Board\n  kind: board\n',
      findings: ['1: The Main Board does not say when it is quorate.'],
    },
    {
      name: 'half of the members alone',
      source: `group g: Executive Group\n  kind: executive\n${MEMBERS}  quorate when half of the members are present\n`,
      findings: ['7: The quorum of the Executive Group is defined by headcount, not by organisation.'],
    },
    {
      name: 'a headcount, in any group',
      source: `group g: Subgroup\n  kind: subgroup\n${MEMBERS}  quorate when 2 members are present\n`,
      findings: ['7: The quorum of the Subgroup is defined by headcount, not by organisation.'],
    },
    {
      name: 'a headcount as one alternative',
      source: `group g: Executive Group\n  kind: executive\n${MEMBERS}  quorate when one member from each of the safeguarding partners or 3 members are present\n`,
      findings: ['7: The quorum of the Executive Group is defined by headcount, not by organisation.'],
    },
  ],
});
