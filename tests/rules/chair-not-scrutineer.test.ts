import rule from '../../src/rules/chair-not-scrutineer.js';
import { testRule } from './tester.js';

const partnership = (chair: string, scrutineer: string) => `partnership p: P
  partnership chair: ${chair}
  independent scrutineer: ${scrutineer}

post chair-post: Independent Chair
  held by Ian Smith
post scrutineer: Independent Scrutineer
  held by Ian Smith
post other-scrutineer: Independent Scrutineer
  held by Jane Doe
`;

testRule(rule, {
  valid: [
    { name: 'different posts, different people', source: partnership('chair-post', 'other-scrutineer') },
    { name: 'the test partnership', source: '' },
  ],
  invalid: [
    {
      name: 'one post, "Independent Chair and Scrutineer"',
      source: partnership('chair-post', 'chair-post'),
      findings: ['3: The partnership chair and the independent scrutineer are the same post, the Independent Chair.'],
    },
    {
      name: 'two posts held by one person',
      source: partnership('chair-post', 'scrutineer'),
      findings: ['3: The partnership chair (the Independent Chair) and the independent scrutineer (the Independent Scrutineer) are the same person, Ian Smith.'],
    },
  ],
});
