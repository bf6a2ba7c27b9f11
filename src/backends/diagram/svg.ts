import type { Box, LaidOutEdge, LaidOutNode, Point, StructureLayout } from './layout.js';
import { LEGEND_ARROW, LEGEND_FONT, SIZES } from './layout.js';
import { FONT_FAMILY } from './metrics.js';

/**
 * Draws a laid-out structure as a standalone SVG: plain shapes and one `<text>` per line
 * (no CSS, markers, scripts, fonts or links to fetch), so HTML, PDF converters and image
 * viewers draw it alike. Ids are derived from the model's ids, so the same model gives the
 * same bytes. Every text from the sources is escaped.
 */
export interface SvgText {
  /** The accessible name: the `<title>`. */
  title: string;
  /** The long description: the `<desc>`. */
  description: string;
}

/** Every id in the SVG starts with this, so it cannot clash with the page it is put in. */
export const ID_PREFIX = 'tor-structure-';

const COLOURS = {
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
} as const;

/** Kinds of group drawn with emphasis: the bodies others are accountable to. */
const EMPHASISED = new Set(['executive', 'board']);

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Numbers with at most one decimal and never `-0`, so the bytes do not wobble. */
function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function renderStructureSvg(layout: StructureLayout, text: SvgText): string {
  const out: string[] = [];
  const { width, height } = layout;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}"` +
      ` role="img" aria-labelledby="${ID_PREFIX}title" aria-describedby="${ID_PREFIX}desc"` +
      ` font-family="${escapeXml(FONT_FAMILY)}" font-size="${SIZES.font}" fill="${COLOURS.text}">`,
  );
  out.push(`<title id="${ID_PREFIX}title">${escapeXml(text.title)}</title>`);
  out.push(`<desc id="${ID_PREFIX}desc">${escapeXml(text.description)}</desc>`);
  out.push(`<rect width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`);

  for (const c of layout.clusters) {
    out.push(`<g id="${ID_PREFIX}${c.cluster.id}" class="cluster">`);
    out.push(rect(c, { fill: COLOURS.clusterFill, stroke: COLOURS.clusterLine, strokeWidth: 1.5, radius: 6 }));
    out.push(...lines(c.labelLines, c.x + 16, c.y + 12, SIZES.lineHeight, SIZES.clusterFont, { bold: true, anchor: 'start' }));
    out.push('</g>');
  }
  // The lines into one body share their last stretch: one path per body, so the shared
  // stretch is stroked once (not darkened by overlapping strokes), with one arrowhead per point.
  const byTarget = new Map<string, LaidOutEdge[]>();
  for (const e of layout.edges) byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), e]);
  for (const [target, edges] of byTarget) out.push(...edgeBundle(target, edges));
  for (const node of layout.nodes) out.push(...groupNode(node));
  if (layout.functionalLinks !== undefined) {
    const f = layout.functionalLinks;
    out.push(`<g id="${ID_PREFIX}functional-links" class="functional-links">`);
    out.push(rect(f, { fill: '#ffffff', stroke: COLOURS.linkLine, strokeWidth: 1.5, radius: 6, dashed: true }));
    out.push(...lines(f.labelLines, f.x + SIZES.padX, f.y + 12, SIZES.lineHeight, SIZES.clusterFont, { bold: true, anchor: 'start' }));
    f.items.forEach((item, i) => {
      out.push(`<g id="${ID_PREFIX}functional-link-${i + 1}" class="functional-link">`);
      out.push(rect(item, { fill: '#ffffff', stroke: COLOURS.linkLine, strokeWidth: 1, radius: 4, dashed: true }));
      const top = item.y + (item.height - item.lines.length * SIZES.linkLineHeight) / 2;
      out.push(...lines(item.lines, item.x + item.width / 2, top, SIZES.linkLineHeight, SIZES.linkFont, {}));
      out.push('</g>');
    });
    out.push('</g>');
  }
  if (layout.legend !== undefined) out.push(...legend(layout.legend));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

interface RectStyle {
  fill: string;
  stroke: string;
  strokeWidth: number;
  radius: number;
  dashed?: boolean;
}

function rect(box: Box, style: RectStyle): string {
  return (
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="${style.radius}"` +
    ` fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.strokeWidth}"` +
    (style.dashed === true ? ' stroke-dasharray="6 4"' : '') +
    '/>'
  );
}

interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  anchor?: 'start' | 'middle';
  fill?: string;
}

/** One `<text>` per line, `top` the top of the first line box; the baseline sits at about 0.78 em below the line's top once the leading is shared out. */
function lines(texts: string[], x: number, top: number, lineHeight: number, size: number, style: TextStyle): string[] {
  const attributes =
    ` text-anchor="${style.anchor ?? 'middle'}"` +
    (size === SIZES.font ? '' : ` font-size="${size}"`) +
    (style.bold === true ? ' font-weight="bold"' : '') +
    (style.italic === true ? ' font-style="italic"' : '') +
    (style.fill === undefined ? '' : ` fill="${style.fill}"`);
  return texts.map((t, i) => {
    const baseline = top + i * lineHeight + (lineHeight - size) / 2 + size * 0.8;
    return `<text x="${n(x)}" y="${n(baseline)}"${attributes}>${escapeXml(t)}</text>`;
  });
}

function groupNode(laid: LaidOutNode): string[] {
  const { node } = laid;
  const out: string[] = [];
  const isRole = node.kind === 'role';
  const emphasised = node.kind === 'group' && node.groupKind !== undefined && EMPHASISED.has(node.groupKind);
  out.push(`<g id="${ID_PREFIX}${node.id}" class="${isRole ? 'role' : 'group'}">`);
  out.push(
    rect(laid, {
      fill: isRole ? COLOURS.roleFill : emphasised ? COLOURS.emphasisFill : '#ffffff',
      stroke: COLOURS.line,
      strokeWidth: emphasised ? 2.5 : 1.5,
      radius: 4,
    }),
  );
  const { lineHeight, noteLineHeight, noteFont, padY } = SIZES;
  const textHeight = laid.lines.length * lineHeight + (laid.noteLines.length > 0 ? 4 + laid.noteLines.length * noteLineHeight : 0);
  const top = laid.y + Math.max(padY, (laid.height - textHeight) / 2);
  const cx = laid.x + laid.width / 2;
  out.push(...lines(laid.lines, cx, top, lineHeight, SIZES.font, isRole ? { bold: true, fill: COLOURS.roleText } : {}));
  if (laid.noteLines.length > 0) {
    const noteTop = top + laid.lines.length * lineHeight + 4;
    out.push(...lines(laid.noteLines, cx, noteTop, noteLineHeight, noteFont, { italic: true, fill: COLOURS.note }));
  }
  out.push('</g>');
  return out;
}

function edgeBundle(target: string, edges: LaidOutEdge[]): string[] {
  // Stop each line at the arrowhead's base so its end does not poke through the tip.
  const d = edges
    .map((e) => shorten(e.points, ARROW_LENGTH - 1).map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join(' '))
    .join(' ');
  const sources = edges.map((e) => escapeXml(e.source)).join(' ');
  const heads = [...new Set(edges.map((e) => arrowHead(e.points)).filter((h) => h !== undefined))];
  return [
    `<g id="${ID_PREFIX}accountable-to-${escapeXml(target)}" class="edges" data-target="${escapeXml(target)}" data-sources="${sources}">`,
    `<path d="${d}" fill="none" stroke="${COLOURS.edge}" stroke-width="1.5"/>`,
    ...heads.map((h) => `<path d="${h}" fill="${COLOURS.edge}"/>`),
    '</g>',
  ];
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

function arrowHead(points: Point[]): string | undefined {
  if (points.length < 2) return undefined;
  const tip = points[points.length - 1]!;
  const from = points[points.length - 2]!;
  const length = Math.hypot(tip.x - from.x, tip.y - from.y);
  if (length === 0) return undefined;
  const ux = (tip.x - from.x) / length;
  const uy = (tip.y - from.y) / length;
  const bx = tip.x - ux * ARROW_LENGTH;
  const by = tip.y - uy * ARROW_LENGTH;
  const a = { x: bx - uy * ARROW_HALF_WIDTH, y: by + ux * ARROW_HALF_WIDTH };
  const b = { x: bx + uy * ARROW_HALF_WIDTH, y: by - ux * ARROW_HALF_WIDTH };
  return `M${n(tip.x)} ${n(tip.y)} L${n(a.x)} ${n(a.y)} L${n(b.x)} ${n(b.y)} Z`;
}

function legend(box: Box & { label: string }): string[] {
  const y = box.y + box.height / 2;
  const x = box.x;
  const points = [
    { x: x + 34, y },
    { x, y },
  ];
  return [
    `<g id="${ID_PREFIX}legend" class="legend">`,
    `<path d="M${n(x + 34)} ${n(y)} L${n(x + ARROW_LENGTH - 1)} ${n(y)}" fill="none" stroke="${COLOURS.edge}" stroke-width="1.5"/>`,
    `<path d="${arrowHead(points)}" fill="${COLOURS.edge}"/>`,
    ...lines([box.label], x + LEGEND_ARROW, box.y, box.height, LEGEND_FONT, { anchor: 'start' }),
    '</g>',
  ];
}
