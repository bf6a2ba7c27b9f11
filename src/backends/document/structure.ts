import type { Group, Model } from '../../model/model.js';
import { concat, text } from './inline.js';
import { Names } from './names.js';
import type { ListBlock, ListItem } from './types.js';
import type { Writer } from './write.js';

/**
 * The structure of the partnership as a nested list: each group under the group (or the
 * partners) it is accountable to, a collaboration's groups under it, then the functional links.
 * The text alternative of the structure diagram, and what stands in its place without one.
 */
export function structureAlternative(model: Model, w?: Writer): ListBlock {
  const names = w?.names ?? new Names(model);
  const label = (g: Group): ListItem['content'] => (w ? [w.group(g.id, names.groupLabel(g.id))] : text(names.groupLabel(g.id)));
  const seen = new Set<string>();
  const node = (g: Group): ListItem => {
    seen.add(g.id);
    const below = model.groups.filter((x) => x.accountableTo?.kind === 'group' && x.accountableTo.group === g.id && !seen.has(x.id));
    return { content: label(g), children: list(below.map(node)) };
  };
  const top = (groups: readonly Group[]): ListItem[] => {
    const items: ListItem[] = [];
    const roles = new Map<string, Group[]>();
    for (const g of groups) {
      if (g.accountableTo?.kind === 'role') roles.set(g.accountableTo.role, [...(roles.get(g.accountableTo.role) ?? []), g]);
    }
    for (const [role, under] of roles) items.push({ content: w ? w.capitalised(w.role(role)) : text(`The ${role}`), children: list(under.map(node)) });
    for (const g of groups) if (!g.accountableTo && !seen.has(g.id)) items.push(node(g));
    return items;
  };

  const own = model.groups.filter((g) => !g.partOf);
  const items = top(own);
  for (const c of model.collaborations) {
    const groups = model.groups.filter((g) => g.partOf === c.id);
    if (groups.length > 0) items.push({ content: text(c.name), children: list(top(groups)) });
  }
  // Groups accountable to a group that is not reached from the top (a cycle): listed on their own.
  for (const g of model.groups) if (!seen.has(g.id)) items.push(node(g));
  if (model.partnership.functionalLinks.length > 0) {
    items.push({
      content: concat('Functional links'),
      children: list(model.partnership.functionalLinks.map((l) => ({ content: text(l), children: undefined }))),
    });
  }
  return { kind: 'list', ordered: false, items };
}

function list(items: ListItem[]): ListBlock | undefined {
  return items.length === 0 ? undefined : { kind: 'list', ordered: false, items };
}

/** The groups in the order of the structure: each after the group it is accountable to, a collaboration's groups last. */
export function structureOrder(model: Model): Group[] {
  const out: Group[] = [];
  const seen = new Set<string>();
  const visit = (g: Group): void => {
    if (seen.has(g.id)) return;
    seen.add(g.id);
    out.push(g);
    for (const x of model.groups) if (x.accountableTo?.kind === 'group' && x.accountableTo.group === g.id) visit(x);
  };
  const roots = (groups: readonly Group[]) => groups.filter((g) => g.accountableTo?.kind !== 'group' || !model.groups.some((x) => x.id === (g.accountableTo as { group: string }).group));
  const own = model.groups.filter((g) => !g.partOf);
  // Groups accountable to the partners first, then other top-level groups, as the list shows them.
  for (const g of roots(own).filter((g) => g.accountableTo?.kind === 'role')) visit(g);
  for (const g of roots(own)) visit(g);
  for (const c of model.collaborations) for (const g of roots(model.groups.filter((x) => x.partOf === c.id))) visit(g);
  for (const g of model.groups) visit(g);
  return out;
}
