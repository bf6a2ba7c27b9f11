import type { Inline, ListBlock, ListItem } from '../document/types.js';
import type { StructureGraph, StructureNode } from './graph.js';

export interface AlternativeOptions {
  /** Where a group's own page is, to link its name; undefined for no link. */
  groupHref?: (group: string) => string | undefined;
}

/** "Executive Group" → "the Executive Group"; a title that starts with "the" keeps its own. */
export function withArticle(title: string): string {
  return /^the\s/i.test(title) ? title : `the ${title}`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The accountability tree: who is accountable to each node, in source order. */
export function accountableTo(graph: StructureGraph): Map<string, StructureNode[]> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const children = new Map<string, StructureNode[]>();
  for (const e of graph.edges) {
    const source = byId.get(e.source);
    if (source === undefined) continue;
    const list = children.get(e.target) ?? [];
    list.push(source);
    children.set(e.target, list);
  }
  return children;
}

/**
 * The text alternative: the same structure as the diagram, as a nested list. Each group not
 * accountable to another group is an item ("Executive Group — accountable to the lead
 * safeguarding partners"), with the groups accountable to it nested under it; then each
 * collaboration with its groups; then the functional links.
 */
export function structureAlternative(graph: StructureGraph, options: AlternativeOptions = {}): ListBlock {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const parent = new Map(graph.edges.map((e) => [e.source, e.target]));
  const children = accountableTo(graph);
  const visited = new Set<string>();

  const item = (node: StructureNode & { kind: 'group' }, top: boolean): ListItem => {
    visited.add(node.id);
    const notes: string[] = [];
    const target = byId.get(parent.get(node.id) ?? '');
    // Nested items are accountable to the item they sit under; say so all the same, so a
    // screen reader user who jumps into the list hears it.
    if (target !== undefined) notes.push(`accountable to ${withArticle(target.kind === 'role' ? target.role : target.title)}`);
    if (!top && node.cluster !== undefined && node.cluster !== target?.cluster) {
      const cluster = graph.clusters.find((c) => c.id === node.cluster);
      if (cluster !== undefined) notes.push(`part of ${cluster.shortName ?? cluster.label}`);
    }
    if (node.jointWith !== undefined) notes.push(`joint with ${node.jointWith}`);
    const href = options.groupHref?.(node.group);
    const content: Inline[] = [href === undefined ? { kind: 'text', text: node.title } : { kind: 'link', text: node.title, href }];
    if (notes.length > 0) content.push({ kind: 'text', text: ` — ${notes.join('; ')}` });
    const nested = (children.get(node.id) ?? []).filter(isGroup).filter((c) => !visited.has(c.id));
    return { content, children: list(nested.map((c) => item(c, false))) };
  };

  // The top: groups accountable to no group (to nobody, or to a role), in source order.
  const tops = graph.nodes.filter(isGroup).filter((n) => {
    const target = byId.get(parent.get(n.id) ?? '');
    return target === undefined || target.kind === 'role';
  });
  const items: ListItem[] = [];
  for (const n of tops) if (n.cluster === undefined) items.push(item(n, true));
  for (const cluster of graph.clusters) {
    const own = tops.filter((n) => n.cluster === cluster.id).map((n) => item(n, true));
    items.push({ content: [{ kind: 'text', text: `Collaboration: ${cluster.label}` }], children: list(own) });
  }
  // Groups in a loop of accountability have no top; list them all the same.
  for (const n of graph.nodes.filter(isGroup)) if (!visited.has(n.id)) items.push(item(n, true));
  if (graph.functionalLinks.length > 0) {
    items.push({
      content: [{ kind: 'text', text: 'Functional links' }],
      children: list(graph.functionalLinks.map((text) => ({ content: [{ kind: 'text', text }], children: undefined }))),
    });
  }
  return { kind: 'list', ordered: false, items };
}

function list(items: ListItem[]): ListBlock | undefined {
  return items.length === 0 ? undefined : { kind: 'list', ordered: false, items };
}

function isGroup(n: StructureNode): n is StructureNode & { kind: 'group' } {
  return n.kind === 'group';
}

/** The diagram's long description, for its `<desc>`: the same facts in sentences. */
export function structureDescription(graph: StructureGraph): string {
  const sentences: string[] = [];
  const children = accountableTo(graph);
  for (const node of graph.nodes) {
    const under = children.get(node.id);
    if (under === undefined) continue;
    const name = node.kind === 'role' ? `the ${node.role}` : withArticle(node.title);
    const names = joinNames(under.map((n) => withArticle(n.title)));
    sentences.push(`${capitalise(names)} ${under.length === 1 ? 'is' : 'are'} accountable to ${name}.`);
  }
  for (const node of graph.nodes) {
    if (node.kind === 'group' && node.jointWith !== undefined) {
      sentences.push(`${capitalise(withArticle(node.title))} is joint with ${node.jointWith}.`);
    }
  }
  for (const cluster of graph.clusters) {
    const members = graph.nodes.filter((n) => n.cluster === cluster.id).map((n) => withArticle(n.title));
    sentences.push(
      members.length === 0
        ? `${cluster.label} is a collaboration.`
        : `${cluster.label} is a collaboration with its own groups: ${joinNames(members)}.`,
    );
  }
  if (graph.functionalLinks.length > 0) // Semicolons: a link's own name may have commas in it.
    sentences.push(`Functional links: ${graph.functionalLinks.join('; ')}.`);
  return sentences.join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
