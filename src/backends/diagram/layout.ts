import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { loadElk, type LoadedElk } from './elk.js';
import type { StructureCluster, StructureGraph, StructureNode } from './graph.js';
import { textWidth, wrapText } from './metrics.js';

/**
 * Positions for everything the diagram draws, in SVG user units (top-left origin). ELK's
 * layered algorithm places each connected part of the structure (the partnership's groups;
 * a collaboration with its groups) with the body accountable to on the left and the groups
 * accountable to it on the right; the parts are stacked top to bottom in source order, then
 * the box of functional links and a legend.
 */
export interface StructureLayout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  clusters: LaidOutCluster[];
  edges: LaidOutEdge[];
  functionalLinks: LaidOutLinks | undefined;
  legend: LaidOutLegend | undefined;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidOutNode extends Box {
  node: StructureNode;
  /** The title, wrapped. */
  lines: string[];
  /** "Joint with …", wrapped; empty when the group is not joint. */
  noteLines: string[];
}

export interface LaidOutCluster extends Box {
  cluster: StructureCluster;
  labelLines: string[];
}

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutEdge {
  id: string;
  source: string;
  target: string;
  /** From the source's side to the target's; the arrowhead is drawn at the last point. */
  points: Point[];
}

export interface LaidOutLinks extends Box {
  labelLines: string[];
  items: Array<Box & { text: string; lines: string[] }>;
}

export interface LaidOutLegend extends Box {
  label: string;
}

/** Sizes, in user units; the diagram is drawn at 1 unit = 1 CSS pixel. */
export const SIZES = {
  font: 15,
  lineHeight: 19,
  noteFont: 13,
  noteLineHeight: 17,
  clusterFont: 15,
  linkFont: 14,
  linkLineHeight: 18,
  /** Longest line of a group's title before it wraps. */
  titleWidth: 190,
  padX: 12,
  padY: 9,
  margin: 16,
  /** Between the stacked parts. */
  gap: 28,
  linkWidth: 206,
  linkGap: 10,
} as const;

const LEGEND = 'A group is accountable to the body its arrow points to';
export const LEGEND_FONT = 14;
/** The legend's arrow, and the gap before its text. */
export const LEGEND_ARROW = 44;

let loaded: LoadedElk | undefined;

/** ELK, loaded on first use: the module is large, and only a build that draws needs it. */
function elk(): LoadedElk {
  loaded ??= loadElk();
  return loaded;
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  // Edges run from a group to the body it is accountable to: that body on the left.
  'elk.direction': 'LEFT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.mergeEdges': 'true',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.spacing.nodeNode': '12',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.edgeNode': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.randomSeed': '1',
};

export async function layoutStructure(graph: StructureGraph): Promise<StructureLayout> {
  const { margin, gap } = SIZES;
  const sized = sizeNodes(graph);
  const parts = components(graph);
  const laidOut: PartLayout[] = [];
  for (const part of parts) laidOut.push(await layoutPart(graph, part, sized));
  // Now that a layout has run, the cache holds the code it needed, not only ELK's start-up.
  loaded?.saveCompiledCode();

  // Room for two columns of functional links, when there are any.
  const linksWidth = graph.functionalLinks.length > 0 ? SIZES.linkWidth * 2 + SIZES.linkGap + 2 * SIZES.padX : 0;
  const legendWidth = graph.edges.length > 0 ? Math.ceil(LEGEND_ARROW + textWidth(LEGEND, LEGEND_FONT)) : 0;
  const contentWidth = Math.max(linksWidth, legendWidth, ...laidOut.map((p) => p.width));
  const nodes: LaidOutNode[] = [];
  const clusters: LaidOutCluster[] = [];
  const edges: LaidOutEdge[] = [];
  let y = margin;
  for (const part of laidOut) {
    const dx = margin + (contentWidth - part.width) / 2;
    for (const n of part.nodes) nodes.push({ ...n, x: n.x + dx, y: n.y + y });
    for (const c of part.clusters) clusters.push({ ...c, x: c.x + dx, y: c.y + y });
    for (const e of part.edges) edges.push({ ...e, points: e.points.map((p) => ({ x: p.x + dx, y: p.y + y })) });
    y += part.height + gap;
  }

  let functionalLinks: LaidOutLinks | undefined;
  if (graph.functionalLinks.length > 0) {
    functionalLinks = layoutLinks(graph.functionalLinks, margin, y, contentWidth);
    y += functionalLinks.height + gap;
  }
  let legend: LaidOutLegend | undefined;
  if (edges.length > 0) {
    legend = { x: margin, y, width: contentWidth, height: SIZES.lineHeight, label: LEGEND };
    y += legend.height + gap;
  }
  return { width: contentWidth + 2 * margin, height: (y > margin ? y - gap : y) + margin, nodes: sortBySource(graph, nodes), clusters, edges, functionalLinks, legend };
}

interface Sized {
  width: number;
  height: number;
  lines: string[];
  noteLines: string[];
}

/** Every box the same width, so the columns line up; the height follows the wrapped title. */
function sizeNodes(graph: StructureGraph): Map<string, Sized> {
  const { font, lineHeight, noteFont, noteLineHeight, titleWidth, padX, padY } = SIZES;
  const wrapped = graph.nodes.map((n) => ({ n, lines: wrapText(n.title, titleWidth, font, n.kind === 'role') }));
  const widest = Math.max(...wrapped.flatMap(({ n, lines }) => lines.map((l) => textWidth(l, font, n.kind === 'role'))));
  const width = Math.ceil(Math.max(widest, 120)) + 2 * padX;
  const sized = new Map<string, Sized>();
  for (const { n, lines } of wrapped) {
    const noteLines = n.kind === 'group' && n.jointWith !== undefined ? wrapText(`Joint with ${n.jointWith}`, width - 2 * padX, noteFont) : [];
    const height = 2 * padY + lines.length * lineHeight + (noteLines.length > 0 ? 4 + noteLines.length * noteLineHeight : 0);
    sized.set(n.id, { width, height, lines, noteLines });
  }
  return sized;
}

interface Part {
  /** Nodes outside any cluster, and the clusters, in source order. */
  nodes: StructureNode[];
  clusters: StructureCluster[];
}

/** The connected parts: nodes joined by an edge or by being in the same collaboration. */
function components(graph: StructureGraph): Part[] {
  const order = new Map<string, number>();
  for (const n of graph.nodes) order.set(n.id, order.size);
  for (const c of graph.clusters) order.set(c.id, order.size);
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The earlier id stays the root, so the grouping does not depend on the order of unions.
    if (order.get(ra)! < order.get(rb)!) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  for (const id of order.keys()) parent.set(id, id);
  for (const e of graph.edges) union(e.source, e.target);
  for (const n of graph.nodes) if (n.cluster !== undefined) union(n.id, n.cluster);

  const parts = new Map<string, Part>();
  const partOf = (id: string): Part => {
    const root = find(id);
    let part = parts.get(root);
    if (part === undefined) {
      part = { nodes: [], clusters: [] };
      parts.set(root, part);
    }
    return part;
  };
  // Walk in source order so parts come out in the order their first node was written.
  const firsts: Array<{ at: number; part: Part }> = [];
  const seen = new Set<Part>();
  for (const n of graph.nodes) {
    const part = partOf(n.id);
    if (n.cluster === undefined) part.nodes.push(n);
    if (!seen.has(part)) {
      seen.add(part);
      firsts.push({ at: order.get(n.id)!, part });
    }
  }
  for (const c of graph.clusters) {
    const part = partOf(c.id);
    part.clusters.push(c);
    if (!seen.has(part)) {
      seen.add(part);
      firsts.push({ at: order.get(c.id)!, part });
    }
  }
  // A part made only of a collaboration's groups comes after the partnership's own.
  const rank = (p: Part): number => (p.nodes.length > 0 ? 0 : 1);
  return firsts.sort((a, b) => rank(a.part) - rank(b.part) || a.at - b.at).map((f) => f.part);
}

interface PartLayout {
  width: number;
  height: number;
  nodes: LaidOutNode[];
  clusters: LaidOutCluster[];
  edges: LaidOutEdge[];
}

const CLUSTER_PAD = 16;

async function layoutPart(graph: StructureGraph, part: Part, sized: Map<string, Sized>): Promise<PartLayout> {
  if (part.clusters.length === 0) {
    const laid = await layoutElk(graph, sized, part.nodes.map((n) => leaf(n, sized)), edgesWithin(graph, new Set(part.nodes.map((n) => n.id))), true);
    return { width: laid.width, height: laid.height, nodes: laid.nodes, clusters: [], edges: laid.edges };
  }
  const labelLines = new Map(part.clusters.map((c) => [c.id, clusterLabel(graph, c, sized)]));
  const only = part.clusters[0];
  if (part.nodes.length === 0 && part.clusters.length === 1 && only !== undefined) {
    // A collaboration on its own: lay out its groups, then frame them. ELK's compound layout
    // cannot keep source order inside a cluster without failing, so this, the usual case, avoids it.
    const members = graph.nodes.filter((n) => n.cluster === only.id);
    const inner = await layoutElk(graph, sized, members.map((n) => leaf(n, sized)), edgesWithin(graph, new Set(members.map((n) => n.id))), true);
    const lines = labelLines.get(only.id)!;
    const top = clusterTop(lines);
    const width = Math.max(inner.width + 2 * CLUSTER_PAD, labelWidth(lines) + 2 * CLUSTER_PAD);
    const dx = (width - inner.width) / 2;
    const height = top + inner.height + CLUSTER_PAD;
    return {
      width,
      height,
      nodes: inner.nodes.map((n) => ({ ...n, x: n.x + dx, y: n.y + top })),
      clusters: [{ x: 0, y: 0, width, height, cluster: only, labelLines: lines }],
      edges: inner.edges.map((e) => ({ ...e, points: e.points.map((p) => ({ x: p.x + dx, y: p.y + top })) })),
    };
  }

  // Groups of a collaboration tied by accountability to groups outside it: ELK's compound
  // nodes, each cluster's edges inside it.
  const children: ElkNode[] = part.nodes.map((n) => leaf(n, sized));
  const clusterOf = new Map(graph.nodes.map((n) => [n.id, n.cluster]));
  const ids = new Set(part.nodes.map((n) => n.id));
  for (const c of part.clusters) {
    const members = graph.nodes.filter((n) => n.cluster === c.id);
    for (const m of members) ids.add(m.id);
    const lines = labelLines.get(c.id)!;
    children.push({
      id: c.id,
      layoutOptions: {
        'elk.padding': `[top=${clusterTop(lines)},left=${CLUSTER_PAD},bottom=${CLUSTER_PAD},right=${CLUSTER_PAD}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${Math.ceil(labelWidth(lines) + 2 * CLUSTER_PAD)}, 0)`,
      },
      children: members.map((n) => leaf(n, sized)),
      edges: edgesWithin(graph, new Set(members.map((n) => n.id))),
    });
  }
  const rootEdges = edgesWithin(graph, ids).filter((e) => {
    const cluster = clusterOf.get(e.sources[0]!);
    return cluster === undefined || cluster !== clusterOf.get(e.targets[0]!);
  });
  const laid = await layoutElk(graph, sized, children, rootEdges, false);
  const clusters: LaidOutCluster[] = [];
  for (const c of part.clusters) {
    const box = laid.boxes.get(c.id);
    if (box !== undefined) clusters.push({ ...box, cluster: c, labelLines: labelLines.get(c.id)! });
  }
  return { width: laid.width, height: laid.height, nodes: laid.nodes, clusters, edges: laid.edges };
}

function leaf(n: StructureNode, sized: Map<string, Sized>): ElkNode {
  const s = sized.get(n.id)!;
  return { id: n.id, width: s.width, height: s.height };
}

function edgesWithin(graph: StructureGraph, ids: Set<string>): ElkExtendedEdge[] {
  return graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
}

/** The label wraps to about two boxes' width: a collaboration's groups make it at least that wide. */
function clusterLabel(graph: StructureGraph, c: StructureCluster, sized: Map<string, Sized>): string[] {
  const member = graph.nodes.find((n) => n.cluster === c.id);
  const memberWidth = member === undefined ? 160 : sized.get(member.id)!.width;
  return wrapText(c.label, Math.max(memberWidth * 2, 280), SIZES.clusterFont, true);
}

const clusterTop = (lines: string[]): number => lines.length * SIZES.lineHeight + 24;
const labelWidth = (lines: string[]): number => Math.ceil(Math.max(...lines.map((l) => textWidth(l, SIZES.clusterFont, true))));

/** Runs ELK and turns its nested, container-relative coordinates into absolute ones. */
async function layoutElk(
  graph: StructureGraph,
  sized: Map<string, Sized>,
  children: ElkNode[],
  edges: ElkExtendedEdge[],
  keepOrder: boolean,
): Promise<{ width: number; height: number; nodes: LaidOutNode[]; edges: LaidOutEdge[]; boxes: Map<string, Box> }> {
  const options = keepOrder ? ROOT_OPTIONS : { ...ROOT_OPTIONS, 'elk.layered.considerModelOrder.strategy': 'NONE' };
  const result: ElkNode = await elk().elk.layout({ id: 'root', layoutOptions: options, children, edges });

  const boxes = new Map<string, Box>([['root', { x: 0, y: 0, width: result.width ?? 0, height: result.height ?? 0 }]]);
  const nodes: LaidOutNode[] = [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const visit = (elkNode: ElkNode, origin: Point): void => {
    const box = { x: origin.x + (elkNode.x ?? 0), y: origin.y + (elkNode.y ?? 0), width: elkNode.width ?? 0, height: elkNode.height ?? 0 };
    boxes.set(elkNode.id, box);
    const node = byId.get(elkNode.id);
    if (node !== undefined) {
      const s = sized.get(node.id)!;
      nodes.push({ ...box, node, lines: s.lines, noteLines: s.noteLines });
    }
    for (const child of elkNode.children ?? []) visit(child, box);
  };
  for (const child of result.children ?? []) visit(child, { x: 0, y: 0 });

  const laidOut: LaidOutEdge[] = [];
  const collect = (elkEdges: ElkExtendedEdge[] | undefined, parent: string): void => {
    for (const e of elkEdges ?? []) {
      // elkjs names the node whose coordinates an edge is in; older versions used the parent.
      const container = (e as ElkExtendedEdge & { container?: string }).container ?? parent;
      const o = boxes.get(container) ?? { x: 0, y: 0 };
      const points: Point[] = [];
      for (const s of e.sections ?? []) {
        for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) points.push({ x: p.x + o.x, y: p.y + o.y });
      }
      laidOut.push({ id: e.id, source: e.sources[0]!, target: e.targets[0]!, points });
    }
  };
  collect(result.edges, 'root');
  for (const child of result.children ?? []) collect(child.edges, child.id);
  const edgeOrder = new Map(graph.edges.map((e, i) => [e.id, i]));
  laidOut.sort((a, b) => edgeOrder.get(a.id)! - edgeOrder.get(b.id)!);
  return { width: result.width ?? 0, height: result.height ?? 0, nodes: sortBySource(graph, nodes), edges: laidOut, boxes };
}

function sortBySource(graph: StructureGraph, nodes: LaidOutNode[]): LaidOutNode[] {
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  return nodes.sort((a, b) => order.get(a.node.id)! - order.get(b.node.id)!);
}

/** The functional links: a grid of equal boxes, as many columns as the width allows. */
function layoutLinks(links: string[], x: number, y: number, width: number): LaidOutLinks {
  const { linkFont, linkLineHeight, linkWidth, linkGap, padX, padY, clusterFont, lineHeight } = SIZES;
  const inner = width - 2 * padX;
  const columns = Math.max(1, Math.min(links.length, Math.floor((inner + linkGap) / (linkWidth + linkGap))));
  const cellWidth = (inner - (columns - 1) * linkGap) / columns;
  const labelLines = wrapText('Functional links', inner, clusterFont, true);
  const wrapped = links.map((text) => ({ text, lines: wrapText(text, cellWidth - 2 * 10, linkFont) }));
  const items: LaidOutLinks['items'] = [];
  let top = y + labelLines.length * lineHeight + 20;
  for (let row = 0; row * columns < wrapped.length; row++) {
    const cells = wrapped.slice(row * columns, (row + 1) * columns);
    const height = Math.max(...cells.map((c) => c.lines.length)) * linkLineHeight + 2 * (padY - 2);
    cells.forEach((c, i) => items.push({ ...c, x: x + padX + i * (cellWidth + linkGap), y: top, width: cellWidth, height }));
    top += height + linkGap;
  }
  return { x, y, width, height: top - linkGap + padX - y, labelLines, items };
}
