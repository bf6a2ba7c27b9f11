import rule from '../../src/rules/macpt-established.js';
import { testRule } from './tester.js';

const partnership = (members: string) => `partnership p: P
  safeguarding partners: council, icb and police

organisation council: Test Council
  kind: local authority
  post social-worker: Senior Social Worker
  unit education: Education

organisation icb: Test ICB
  kind: integrated care board
  post nurse: Named Nurse

organisation police: Test Police
  kind: police
  post sergeant: Detective Sergeant

group macpt: Northshire Multi-Agency Child Protection Team
  kind: multi-agency child protection team
  members:
${members}`;

testRule(rule, {
  valid: [
    { name: 'the three core members', source: partnership('    - social-worker\n    - education\n    - nurse\n    - sergeant\n') },
    { name: 'the safeguarding partners', source: partnership('    - the safeguarding partners\n') },
  ],
  invalid: [
    {
      name: 'no police member',
      source: partnership('    - social-worker\n    - nurse\n'),
      flags: ['cwsa26.s3'],
      findings: ['17: The Northshire Multi-Agency Child Protection Team has no member from the police.'],
    },
    {
      name: 'no team at all',
      source: 'partnership p: P\n  safeguarding partners: council\n\norganisation council: C\n  kind: local authority\n',
      findings: ['1: The partnership has no multi-agency child protection team.'],
    },
  ],
});
