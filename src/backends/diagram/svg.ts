import { COLOURS, type Drawing, type DrawingItem, ID_PREFIX } from './drawing.js';
import { SIZES } from './layout.js';
import { FONT_FAMILY } from './metrics.js';

/**
 * Writes the structure diagram as a standalone SVG: plain shapes and one `<text>` per line
 * (no CSS, markers, scripts, fonts or links to fetch), so browsers and image viewers draw it
 * alike. Ids are derived from the model's ids, so the same model gives the same bytes. Every
 * text from the sources is escaped.
 */
export interface SvgText {
  /** The accessible name: the `<title>`. */
  title: string;
  /** The long description: the `<desc>`. */
  description: string;
}

export { ID_PREFIX };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Numbers with at most one decimal and never `-0`, so the bytes do not wobble. */
function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function drawingSvg(drawing: Drawing, text: SvgText): string {
  const { width, height } = drawing;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}"` +
      ` role="img" aria-labelledby="${ID_PREFIX}title" aria-describedby="${ID_PREFIX}desc"` +
      ` font-family="${escapeXml(FONT_FAMILY)}" font-size="${SIZES.font}" fill="${COLOURS.text}">`,
    `<title id="${ID_PREFIX}title">${escapeXml(text.title)}</title>`,
    `<desc id="${ID_PREFIX}desc">${escapeXml(text.description)}</desc>`,
    `<rect width="${n(width)}" height="${n(height)}" fill="${COLOURS.background}"/>`,
  ];
  for (const item of drawing.items) write(item, out);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function write(item: DrawingItem, out: string[]): void {
  switch (item.kind) {
    case 'group': {
      const edges = item.edges ? ` data-target="${escapeXml(item.edges.target)}" data-sources="${item.edges.sources.map(escapeXml).join(' ')}"` : '';
      out.push(`<g id="${escapeXml(item.id)}" class="${item.className}"${edges}>`);
      for (const inner of item.items) write(inner, out);
      out.push('</g>');
      return;
    }
    case 'box':
      out.push(
        `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}" rx="${item.radius}"` +
          ` fill="${item.fill}" stroke="${item.stroke}" stroke-width="${item.strokeWidth}"` +
          (item.dashed ? ' stroke-dasharray="6 4"' : '') +
          '/>',
      );
      return;
    case 'text':
      out.push(
        `<text x="${n(item.x)}" y="${n(item.baseline)}" text-anchor="${item.anchor}"` +
          (item.size === SIZES.font ? '' : ` font-size="${item.size}"`) +
          (item.bold ? ' font-weight="bold"' : '') +
          (item.italic ? ' font-style="italic"' : '') +
          // The root sets the text colour; only other colours are written.
          (item.fill === COLOURS.text ? '' : ` fill="${item.fill}"`) +
          `>${escapeXml(item.text)}</text>`,
      );
      return;
    case 'lines': {
      const d = item.lines.map((line) => line.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)} ${n(p.y)}`).join(' ')).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${item.stroke}" stroke-width="${item.strokeWidth}"/>`);
      return;
    }
    case 'triangle': {
      const [tip, a, b] = item.points;
      out.push(`<path d="M${n(tip.x)} ${n(tip.y)} L${n(a.x)} ${n(a.y)} L${n(b.x)} ${n(b.y)} Z" fill="${item.fill}"/>`);
      return;
    }
  }
}
