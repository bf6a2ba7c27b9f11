/**
 * Text measurement without a browser: advance widths (per mille of the font size) of the
 * wider of DejaVu Sans and Liberation Sans (Arial's metrics) for the characters names are
 * written in, so a label measured here fits in either font, and in Verdana or Arial.
 */

const CHARS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~’‘“”–—…éèàçôöüÉ£€·•";
// prettier-ignore
const REGULAR = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,556,1015,684,686,722,770,667,611,778,752,295,500,667,557,863,748,787,667,787,722,667,611,732,684,989,685,667,685,390,337,390,838,556,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838,318,318,518,518,556,1000,1000,615,615,613,550,612,612,634,667,636,636,318,590];
// prettier-ignore
const BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,611,1000,774,762,734,830,683,683,821,837,372,556,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,556,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838,380,380,657,657,556,1000,1000,678,678,675,593,687,687,712,683,696,696,380,639];

const regular = new Map<string, number>();
const bold = new Map<string, number>();
[...CHARS].forEach((c, i) => {
  regular.set(c, REGULAR[i] ?? 1000);
  bold.set(c, BOLD[i] ?? 1000);
});

/** The font stack of every text in the diagram: the fonts measured above, then their look-alikes. */
export const FONT_FAMILY = 'DejaVu Sans, Verdana, Liberation Sans, Arial, Helvetica, sans-serif';

/** The width of `text` at `size` user units; a character not in the table counts as a full em. */
export function textWidth(text: string, size: number, isBold = false): number {
  const table = isBold ? bold : regular;
  let total = 0;
  for (const c of text) total += table.get(c) ?? 1000;
  return (total / 1000) * size;
}

/**
 * Breaks `text` into lines no wider than `max` at spaces; a
 * single word wider than `max` is split where it must, so nothing overflows its box.
 */
export function wrapText(text: string, max: number, size: number, isBold = false): string[] {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, size, isBold) <= max) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const piece of splitWord(word, max, size, isBold)) {
      if (line !== '') lines.push(line);
      line = piece;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function splitWord(word: string, max: number, size: number, isBold: boolean): string[] {
  if (textWidth(word, size, isBold) <= max) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const c of word) {
    if (piece !== '' && textWidth(piece + c, size, isBold) > max) {
      pieces.push(piece);
      piece = '';
    }
    piece += c;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
