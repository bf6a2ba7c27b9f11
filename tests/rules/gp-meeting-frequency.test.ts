import rule from '../../src/rules/gp-meeting-frequency.js';
import { testRule } from './tester.js';

testRule(rule, {
  valid: [
    { name: 'an executive that meets quarterly', source: 'group g: Executive Group\n  kind: executive\n  meets quarterly\n' },
    { name: 'a board that meets every 6 weeks', source: 'group g: Board\n  kind: board\n  meets every 6 weeks\n' },
    { name: 'as required but at least quarterly', source: 'group g: Executive Group\n  kind: executive\n  meets as required but at least quarterly\n' },
    { name: 'the first year, then at least quarterly (Kent)', source: 'group g: Executive Group\n  kind: executive\n  meets every 2 months in the first year, then as required but at least quarterly\n' },
    { name: 'a subgroup may meet twice a year', source: 'group g: Subgroup\n  kind: subgroup\n  meets twice a year\n' },
  ],
  invalid: [
    {
      name: 'a group that does not say',
      source: 'group g: Learning Group\n  kind: subgroup\n',
      findings: ['1: The Learning Group does not say how often it meets.'],
    },
    {
      name: 'an executive that meets as required',
      source: 'group g: Executive Group\n  kind: executive\n  meets as required\n',
      findings: ['3: The Executive Group meets as required; an executive group should meet at least quarterly.'],
    },
    {
      name: 'a board that meets twice a year',
      source: 'group g: Main Board\n  kind: board\n  meets twice a year\n',
      findings: ['3: The Main Board meets twice a year; a board should meet at least quarterly.'],
    },
    {
      name: 'every 14 weeks is less than quarterly',
      source: 'group g: Executive Group\n  kind: executive\n  meets every 14 weeks\n',
      findings: ['3: The Executive Group meets every 14 weeks; an executive group should meet at least quarterly.'],
    },
    {
      name: 'monthly in the first year, then as required',
      source: 'group g: Executive Group\n  kind: executive\n  meets monthly in the first year, then as required\n',
      findings: ['3: The Executive Group meets as required after its first year; an executive group should meet at least quarterly.'],
    },
    {
      name: 'as required but at least annually',
      source: 'group g: Executive Group\n  kind: executive\n  meets as required but at least annually\n',
      findings: ['3: The Executive Group meets as required but at least annually; an executive group should meet at least quarterly.'],
    },
  ],
});
