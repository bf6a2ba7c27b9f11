import type { Group, Model, RoleName } from '../../model/model.js';

/**
 * The partnership's structure as a graph, before layout: one node per group (and per role a
 * group is accountable to), an edge from each group to the group or role it is accountable
 * to, each collaboration as a cluster of its groups, and the functional links. Everything is
 * in source order, so the layout and the text alternative list things in the same order.
 */
export interface StructureGraph {
  /** The partnership's name. */
  partnership: string;
  /** Its short name, when it has one (IOWSCP). */
  shortName: string | undefined;
  nodes: StructureNode[];
  edges: StructureEdge[];
  clusters: StructureCluster[];
  /** The outside bodies linked to the partnership, as written. */
  functionalLinks: string[];
}

export type StructureNode =
  | {
      kind: 'group';
      /** `group-<group id>`: unique among nodes, safe in an XML id. */
      id: string;
      group: string;
      title: string;
      groupKind: string | undefined;
      /** Who the group is run jointly with, as written ("the IOW Safeguarding Adults Board"). */
      jointWith: string | undefined;
      /** The cluster (collaboration) the group is part of. */
      cluster: string | undefined;
    }
  | { kind: 'role'; id: string; role: RoleName; title: string; cluster: undefined };

/** `source` is accountable to `target`. */
export interface StructureEdge {
  id: string;
  source: string;
  target: string;
}

export interface StructureCluster {
  /** `collaboration-<collaboration id>`. */
  id: string;
  collaboration: string;
  /** The collaboration's name. */
  label: string;
  shortName: string | undefined;
}

const safe = (id: string): string => id.toLowerCase().replace(/[^a-z0-9-]/g, '-');

export const groupNodeId = (group: string): string => `group-${safe(group)}`;
export const roleNodeId = (role: RoleName): string => `role-${safe(role.replace(/ /g, '-'))}`;
export const clusterId = (collaboration: string): string => `collaboration-${safe(collaboration)}`;

/** "lead safeguarding partners" → "Lead safeguarding partners". */
export function roleTitle(role: RoleName): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

export function structureGraph(model: Model): StructureGraph {
  const groups = new Map(model.groups.map((g) => [g.id, g]));
  const collaborations = new Set(model.collaborations.map((c) => c.id));
  const nodes: StructureNode[] = [];
  const edges: StructureEdge[] = [];
  const roles: RoleName[] = [];

  for (const g of model.groups) {
    const to = g.accountableTo;
    if (to?.kind === 'role' && !roles.includes(to.role)) roles.push(to.role);
  }
  // The roles a group answers to come first: they are the top of the structure.
  for (const role of roles) nodes.push({ kind: 'role', id: roleNodeId(role), role, title: roleTitle(role), cluster: undefined });

  for (const g of model.groups) {
    nodes.push({
      kind: 'group',
      id: groupNodeId(g.id),
      group: g.id,
      title: g.title,
      groupKind: g.kind,
      jointWith: g.jointWith,
      cluster: g.partOf !== undefined && collaborations.has(g.partOf) ? clusterId(g.partOf) : undefined,
    });
    const target = accountableNode(g, groups);
    if (target !== undefined) {
      const source = groupNodeId(g.id);
      edges.push({ id: `accountable-${source}-to-${target}`, source, target });
    }
  }

  return {
    partnership: model.partnership.name,
    shortName: model.partnership.shortName,
    nodes,
    edges,
    clusters: model.collaborations.map((c) => ({
      id: clusterId(c.id),
      collaboration: c.id,
      label: c.name,
      shortName: c.shortName,
    })),
    functionalLinks: [...model.partnership.functionalLinks],
  };
}

function accountableNode(g: Group, groups: Map<string, Group>): string | undefined {
  const to = g.accountableTo;
  if (to === undefined) return undefined;
  if (to.kind === 'role') return roleNodeId(to.role);
  // A reference the resolver could not resolve (a build with --force) draws no line.
  return groups.has(to.group) && to.group !== g.id ? groupNodeId(to.group) : undefined;
}
