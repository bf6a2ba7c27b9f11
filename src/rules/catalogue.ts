import type { Rule } from './rule.js';
import quorumMembersOnly from './quorum-members-only.js';
import threeSafeguardingPartners from './three-safeguarding-partners.js';

/** Every rule, in the order they are documented. Adding a rule: a file in this folder and a line here. */
export const catalogue: readonly Rule[] = [
  threeSafeguardingPartners,
  quorumMembersOnly,
];

export function ruleById(id: string): Rule | undefined {
  return catalogue.find((r) => r.meta.id === id);
}
