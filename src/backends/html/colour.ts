/**
 * Colour contrast as WCAG 2.2 defines it (relative luminance of sRGB), for the branding accent:
 * it colours the header behind white text and the links on white, so it must reach 4.5:1
 * against white (success criterion 1.4.3, AA). Pure.
 */

export const MIN_CONTRAST = 4.5;
const HEX = /^#[0-9a-fA-F]{6}$/;

export function isHexColour(text: string): boolean {
  return HEX.test(text);
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounded down to one decimal place, so a colour shown as 4.5:1 really reaches 4.5:1. */
export function ratioText(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

/** The same colour darkened just enough to reach `MIN_CONTRAST` against white: a suggestion. */
export function darkened(hex: string): string {
  const base = channels(hex);
  for (let k = 100; k >= 0; k--) {
    const candidate = `#${base.map((c) => Math.round((c * k) / 100).toString(16).padStart(2, '0')).join('')}`;
    if (contrastRatio(candidate, '#ffffff') >= MIN_CONTRAST) return candidate;
  }
  return '#000000';
}

/** Why `value` cannot be the accent colour, or undefined if it can. */
export function accentProblem(value: unknown): { message: string; hint: string } | undefined {
  if (typeof value !== 'string' || !HEX.test(value)) {
    return { message: '`branding.accent` must be a colour written #rrggbb', hint: 'For example: `accent: "#1d70b8"` (quote it: YAML reads # as a comment).' };
  }
  const ratio = contrastRatio(value, '#ffffff');
  if (ratio >= MIN_CONTRAST) return undefined;
  return {
    message: `\`branding.accent\` ${value} has a contrast ratio of ${ratioText(ratio)} against white; links and the header's white text need at least ${MIN_CONTRAST}:1 (WCAG 2.2 AA)`,
    hint: `Choose a darker colour: ${darkened(value)} is the same hue darkened just enough.`,
  };
}
