import rule from '../../src/rules/lsps-named-correct-post.js';
import { testRule } from './tester.js';

const partnership = (lsps: string, councilHead = 'Chief Executive', policeHead = 'Chief Constable') => `partnership p: P
  safeguarding partners: council, icb and police
  lead safeguarding partners: ${lsps}

organisation council: Test Council
  kind: local authority
  post council-head: ${councilHead}
    held by Ada Lovelace

organisation icb: Test ICB
  kind: integrated care board
  post icb-ceo: Chief Executive Officer
    held by Mary Seacole
  post icb-unnamed: Chief Executive

organisation police: Test Police
  kind: police
  post police-head: ${policeHead}
    held by Robert Peel
`;

testRule(rule, {
  valid: [
    { name: 'the three heads, named', source: partnership('council-head, icb-ceo and police-head') },
    { name: 'a Metropolitan-style Commissioner', source: partnership('council-head, icb-ceo and police-head', 'Chief Executive', 'Commissioner of Police of the Metropolis') },
  ],
  invalid: [
    {
      name: 'the DCS as the council LSP',
      source: partnership('council-head, icb-ceo and police-head', "Director of Children's Services"),
      findings: ["3: The lead safeguarding partner for Test Council is the Director of Children's Services; it should be the chief executive."],
    },
    {
      name: 'a police LSP below the chief officer',
      source: partnership('council-head, icb-ceo and police-head', 'Chief Executive', 'Chief Superintendent'),
      findings: ['3: The lead safeguarding partner for Test Police is the Chief Superintendent; it should be the chief constable (chief officer of police).'],
    },
    {
      name: 'no LSP for the police',
      source: partnership('council-head and icb-ceo'),
      findings: ['3: Test Police has no lead safeguarding partner.'],
    },
    {
      name: 'an LSP with no holder',
      source: partnership('council-head, icb-unnamed and police-head'),
      findings: ['14: The lead safeguarding partner for Test ICB, the Chief Executive, is not named.'],
    },
    {
      name: 'no LSPs at all',
      source: 'partnership p: P\n  safeguarding partners: council\n\norganisation council: C\n  kind: local authority\n',
      findings: ['1: The partnership does not name its lead safeguarding partners.'],
    },
  ],
});
