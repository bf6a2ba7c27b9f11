import type { Box, LaidOutEdge, LaidOutNode, Point, StructureLayout } from './layout.js';
import { LEGEND_ARROW, LEGEND_FONT, SIZES } from './layout.js';
import type { Drawing, DrawingItem, DrawnBox, DrawnGroup, DrawnLines, DrawnText, DrawnTriangle } from './shapes.js';

/**
 * The structure diagram as shapes (see shapes.ts): the one description of its look, which the
 * SVG (svg.ts) writes out and the PDF draws directly.
 */
export type { Drawing, DrawingItem } from './shapes.js';

/** Every id in the drawing starts with this, so it cannot clash with the page it is put in. */
export const ID_PREFIX = 'tor-structure-';

export const COLOURS = {
  text: '#0b0c0c',
  /** Lines and borders: at least 4.5:1 against white and the cluster fill. */
  line: '#1d4f7a',
  edge: '#3b4044',
  emphasisFill: '#e2edf7',
  roleFill: '#1d4f7a',
  roleText: '#ffffff',
  clusterFill: '#f3f2f1',
  clusterLine: '#505a5f',
  linkLine: '#505a5f',
  note: '#3b4044',
  background: '#ffffff',
} as const;

/** Kinds of group drawn with emphasis: the bodies others are accountable to. */
const EMPHASISED = new Set(['executive', 'board']);

export function structureDrawing(layout: StructureLayout): Drawing {
  const items: DrawingItem[] = [];
  for (const c of layout.clusters) {
    items.push(
      group(`${c.cluster.id}`, 'cluster', [
        box(c, { fill: COLOURS.clusterFill, stroke: COLOURS.clusterLine, strokeWidth: 1.5, radius: 6 }),
        ...lines(c.labelLines, c.x + 16, c.y + 12, SIZES.lineHeight, SIZES.clusterFont, { bold: true, anchor: 'start' }),
      ]),
    );
  }
  // The lines into one body share their last stretch: drawn as one path per body, so the
  // shared stretch is stroked once (not darkened by overlapping strokes), with one arrowhead per point.
  const byTarget = new Map<string, LaidOutEdge[]>();
  for (const e of layout.edges) byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), e]);
  for (const [target, edges] of byTarget) items.push(edgeBundle(target, edges));
  for (const node of layout.nodes) items.push(groupNode(node));
  if (layout.functionalLinks !== undefined) {
    const f = layout.functionalLinks;
    items.push(
      group('functional-links', 'functional-links', [
        box(f, { fill: COLOURS.background, stroke: COLOURS.linkLine, strokeWidth: 1.5, radius: 6, dashed: true }),
        ...lines(f.labelLines, f.x + SIZES.padX, f.y + 12, SIZES.lineHeight, SIZES.clusterFont, { bold: true, anchor: 'start' }),
        ...f.items.map((item, i) => {
          const top = item.y + (item.height - item.lines.length * SIZES.linkLineHeight) / 2;
          return group(`functional-link-${i + 1}`, 'functional-link', [
            box(item, { fill: COLOURS.background, stroke: COLOURS.linkLine, strokeWidth: 1, radius: 4, dashed: true }),
            ...lines(item.lines, item.x + item.width / 2, top, SIZES.linkLineHeight, SIZES.linkFont, {}),
          ]);
        }),
      ]),
    );
  }
  if (layout.legend !== undefined) items.push(legend(layout.legend));
  return { width: layout.width, height: layout.height, items };
}

function group(id: string, className: string, items: DrawingItem[], edges?: DrawnGroup['edges']): DrawnGroup {
  return { kind: 'group', id: `${ID_PREFIX}${id}`, className, ...(edges ? { edges } : {}), items };
}

function box(at: Box, style: { fill: string; stroke: string; strokeWidth: number; radius: number; dashed?: boolean }): DrawnBox {
  return { kind: 'box', x: at.x, y: at.y, width: at.width, height: at.height, dashed: false, ...style };
}

interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  anchor?: 'start' | 'middle';
  fill?: string;
}

/** One text per line, `top` the top of the first line box; the baseline sits at about 0.78 em below the line's top once the leading is shared out. */
function lines(texts: string[], x: number, top: number, lineHeight: number, size: number, style: TextStyle): DrawnText[] {
  return texts.map((text, i) => ({
    kind: 'text',
    text,
    x,
    baseline: top + i * lineHeight + (lineHeight - size) / 2 + size * 0.8,
    size,
    bold: style.bold === true,
    italic: style.italic === true,
    anchor: style.anchor ?? 'middle',
    fill: style.fill ?? COLOURS.text,
  }));
}

function groupNode(laid: LaidOutNode): DrawnGroup {
  const { node } = laid;
  const isRole = node.kind === 'role';
  const emphasised = node.kind === 'group' && node.groupKind !== undefined && EMPHASISED.has(node.groupKind);
  const { lineHeight, noteLineHeight, noteFont, padY } = SIZES;
  const textHeight = laid.lines.length * lineHeight + (laid.noteLines.length > 0 ? 4 + laid.noteLines.length * noteLineHeight : 0);
  const top = laid.y + Math.max(padY, (laid.height - textHeight) / 2);
  const cx = laid.x + laid.width / 2;
  const items: DrawingItem[] = [
    box(laid, { fill: isRole ? COLOURS.roleFill : emphasised ? COLOURS.emphasisFill : COLOURS.background, stroke: COLOURS.line, strokeWidth: emphasised ? 2.5 : 1.5, radius: 4 }),
    ...lines(laid.lines, cx, top, lineHeight, SIZES.font, isRole ? { bold: true, fill: COLOURS.roleText } : {}),
  ];
  if (laid.noteLines.length > 0) {
    items.push(...lines(laid.noteLines, cx, top + laid.lines.length * lineHeight + 4, noteLineHeight, noteFont, { italic: true, fill: COLOURS.note }));
  }
  return group(node.id, isRole ? 'role' : 'group', items);
}

function edgeBundle(target: string, edges: LaidOutEdge[]): DrawnGroup {
  const heads = new Map<string, DrawnTriangle>();
  for (const e of edges) {
    const head = arrowHead(e.points);
    // The same arrowhead to the tenth of a unit, as the SVG writes it, is drawn once.
    if (head) heads.set(head.points.map((p) => `${Math.round(p.x * 10)} ${Math.round(p.y * 10)}`).join(' '), head);
  }
  // Each line stops at its arrowhead's base, so its end does not poke through the tip.
  const stroked: DrawnLines = { kind: 'lines', lines: edges.map((e) => shorten(e.points, ARROW_LENGTH - 1)), stroke: COLOURS.edge, strokeWidth: 1.5 };
  return group(`accountable-to-${target}`, 'edges', [stroked, ...heads.values()], { target, sources: edges.map((e) => e.source) });
}

const ARROW_LENGTH = 10;
const ARROW_HALF_WIDTH = 5;

function shorten(points: Point[], by: number): Point[] {
  if (points.length < 2) return points;
  const last = points[points.length - 1]!;
  const before = points[points.length - 2]!;
  const length = Math.hypot(last.x - before.x, last.y - before.y);
  if (length <= by) return points;
  const t = (length - by) / length;
  return [...points.slice(0, -1), { x: before.x + (last.x - before.x) * t, y: before.y + (last.y - before.y) * t }];
}

function arrowHead(points: Point[]): DrawnTriangle | undefined {
  if (points.length < 2) return undefined;
  const tip = points[points.length - 1]!;
  const from = points[points.length - 2]!;
  const length = Math.hypot(tip.x - from.x, tip.y - from.y);
  if (length === 0) return undefined;
  const ux = (tip.x - from.x) / length;
  const uy = (tip.y - from.y) / length;
  const bx = tip.x - ux * ARROW_LENGTH;
  const by = tip.y - uy * ARROW_LENGTH;
  return {
    kind: 'triangle',
    points: [tip, { x: bx - uy * ARROW_HALF_WIDTH, y: by + ux * ARROW_HALF_WIDTH }, { x: bx + uy * ARROW_HALF_WIDTH, y: by - ux * ARROW_HALF_WIDTH }],
    fill: COLOURS.edge,
  };
}

function legend(at: Box & { label: string }): DrawnGroup {
  const y = at.y + at.height / 2;
  const x = at.x;
  return group('legend', 'legend', [
    { kind: 'lines', lines: [[{ x: x + 34, y }, { x: x + ARROW_LENGTH - 1, y }]], stroke: COLOURS.edge, strokeWidth: 1.5 },
    arrowHead([{ x: x + 34, y }, { x, y }])!,
    ...lines([at.label], x + LEGEND_ARROW, at.y, at.height, LEGEND_FONT, { anchor: 'start' }),
  ]);
}
