import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as shippedMetrics from './font-metrics.generated.js';
import type { FontMetrics } from './shaping.js';

/**
 * The typeface every PDF embeds: Source Sans 3 (Adobe, SIL Open Font License 1.1, see
 * fonts/OFL.md), shipped in the package's fonts/ folder so a build needs nothing installed
 * on the machine. A plain sans serif with clear figures, a true italic and wide language cover.
 */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
}

const FILES: Record<keyof PdfFonts, string> = {
  regular: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italic: 'SourceSans3-It.ttf',
};

let cached: Promise<PdfFonts> | undefined;

/** Reads the shipped fonts once per process. */
export function loadFonts(): Promise<PdfFonts> {
  cached ??= (async () => {
    const folder = await fontsFolder();
    const [regular, bold, italic] = await Promise.all([FILES.regular, FILES.bold, FILES.italic].map((f) => readFile(join(folder, f))));
    return { regular: regular!, bold: bold!, italic: italic! };
  })();
  return cached;
}

/**
 * The package's fonts/ folder: found by walking up from this module, which sits at a
 * different depth in the sources (src/backends/pdf) and in the bundle (dist/chunks).
 */
async function fontsFolder(): Promise<string> {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 6; k++) {
    const candidate = join(dir, 'fonts');
    if (await exists(join(candidate, FILES.regular))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`the fonts folder of tor is missing (looked for fonts/${FILES.regular} above ${fileURLToPath(import.meta.url)})`);
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The metrics made ahead of time for a shipped font (see scripts/font-metrics.ts), when `bytes`
 * are that font's; undefined for any other font, which is then shaped by fontkit alone.
 */
export function shippedFontMetrics(name: keyof PdfFonts, bytes: Uint8Array): FontMetrics | undefined {
  const metrics = shippedMetrics[name];
  return createHash('sha256').update(bytes).digest('hex') === metrics.sha256 ? metrics : undefined;
}
