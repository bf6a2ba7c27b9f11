/**
 * The natural size of an SVG diagram in points, read from its root element: `width` and
 * `height` when they are absolute lengths, else the `viewBox` (user units taken as CSS pixels).
 */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (root === undefined) return undefined;
  const attr = (name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1];
  const width = length(attr('width'));
  const height = length(attr('height'));
  if (width !== undefined && height !== undefined) return { width, height };
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) return { width: box[2]! * 0.75, height: box[3]! * 0.75 };
  return undefined;
}

const UNITS: Record<string, number> = { '': 0.75, px: 0.75, pt: 1, pc: 12, in: 72, cm: 72 / 2.54, mm: 72 / 25.4 };

function length(text: string | undefined): number | undefined {
  const m = /^\s*([\d.]+)\s*(px|pt|pc|in|cm|mm)?\s*$/i.exec(text ?? '');
  if (!m) return undefined;
  const value = Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]!;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/**
 * The SVG as the PDF draws it: links unwrapped into groups (a link inside the figure would be
 * an untagged annotation pointing at an HTML page; the PDF's own links are in the text).
 */
export function printableSvg(svg: string): string {
  return svg.replace(/<a\b[^>]*>/gi, '<g>').replace(/<\/a\s*>/gi, '</g>');
}
