import type { Group, Model, Organisation, RoleName, Seat } from '../model/model.js';
import { roleSeats } from '../quorum/evaluate.js';

/** Helpers shared by several rules: questions about the model that rules ask in the same words. */

export function organisation(model: Model, id: string | undefined): Organisation | undefined {
  return id === undefined ? undefined : model.organisations.find((o) => o.id === id);
}

/** The kinds of the safeguarding partner organisations. */
export function partnerKinds(model: Model): Set<string> {
  return new Set(model.partnership.safeguardingPartners.map((id) => organisation(model, id)?.kind).filter((k): k is string => k !== undefined));
}

/** Whether the sources hold the published arrangements (sections), not only terms of reference. */
export function hasArrangements(model: Model): boolean {
  return model.sections.length > 0;
}

/** Groups that take decisions for the partnership: kind `executive`. */
export function isDecisionMaking(group: Group): boolean {
  return group.kind === 'executive';
}

/** Strategic groups: executives and boards. */
export function isStrategic(group: Group): boolean {
  return group.kind === 'executive' || group.kind === 'board';
}

/** Members who count for a quorum (observers never do). */
export function members(group: Group): Seat[] {
  return group.seats.filter((s) => s.list !== 'observers');
}

/** The group's title as a reader knows it: "the Executive Group". */
export function groupName(group: Group): string {
  return `the ${group.title}`;
}

/** The seat ids a role names for a group (its chair, the partnership's roles). */
export function roleSeatsOf(role: RoleName, group: Group, model: Model): string[] {
  return roleSeats(role, { group, model });
}
