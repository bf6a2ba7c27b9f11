import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Debian's Chromium, which `.ci/run` installs. */
export const CHROMIUM = '/usr/bin/chromium';
export const IN_CI = process.env.CI === 'true';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

const run = promisify(execFile);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1', '--no-first-run'];

/** The size the SVG asks for. */
function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('the SVG has no width and height');
  return { width: Math.ceil(Number(m[1])), height: Math.ceil(Number(m[2])) };
}

async function withTemp<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tor-diagram-'));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders the SVG at its own size to a PNG at `out`; returns the PNG's width and height. */
export async function renderPng(svg: string, out: string): Promise<{ width: number; height: number }> {
  const { width, height } = svgSize(svg);
  await withTemp(async (dir) => {
    const file = join(dir, 'diagram.svg');
    writeFileSync(file, svg);
    await run(CHROMIUM, [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, `--window-size=${width},${height}`, `--screenshot=${out}`, file], { timeout: 60_000 });
  });
  const png = readFileSync(out);
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${out} is not a PNG`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Runs in the page: measures every text as Chromium lays it out in the real font and lists
 * what a reader would notice — a label spilling out of its box or off the picture, texts
 * over each other, boxes over each other, a cluster's title over a box.
 */
const FIT_CHECK = `(() => {
  const problems = [];
  const svg = document.querySelector('svg');
  const vb = svg.viewBox.baseVal;
  const box = (el) => { const b = el.getBBox(); return { x: b.x, y: b.y, w: b.width, h: b.height }; };
  const inside = (a, b, tol) => a.x >= b.x - tol && a.y >= b.y - tol && a.x + a.w <= b.x + b.w + tol && a.y + a.h <= b.y + b.h + tol;
  const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const texts = [...svg.querySelectorAll('text')];
  for (const t of texts) {
    const b = box(t);
    if (!inside(b, { x: vb.x, y: vb.y, w: vb.width, h: vb.height }, 0)) problems.push('off the picture: ' + t.textContent);
    const g = t.closest('g.group, g.role, g.functional-link, g.cluster, g.functional-links');
    const r = g && g.querySelector(':scope > rect');
    if (r && !inside(b, box(r), 0.5)) problems.push('spills out of its box: ' + t.textContent);
  }
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++)
      if (overlap(box(texts[i]), box(texts[j]))) problems.push('texts overlap: ' + texts[i].textContent + ' / ' + texts[j].textContent);
  const rects = [...svg.querySelectorAll('g.group > rect, g.role > rect, g.functional-link > rect')];
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++)
      if (overlap(box(rects[i]), box(rects[j]))) problems.push('boxes overlap: ' + rects[i].parentNode.id + ' / ' + rects[j].parentNode.id);
  for (const l of svg.querySelectorAll('g.cluster > text, g.functional-links > text'))
    for (const r of rects) if (overlap(box(l), box(r))) problems.push('a title overlaps a box: ' + l.textContent);
  const out = document.createElement('pre');
  out.id = 'result';
  out.textContent = JSON.stringify({ texts: texts.length, problems });
  document.body.append(out);
})();`;

export async function checkFit(svg: string): Promise<{ texts: number; problems: string[] }> {
  return withTemp(async (dir) => {
    const file = join(dir, 'fit.html');
    writeFileSync(file, `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>fit</title></head><body>${svg}<script>${FIT_CHECK}</script></body></html>`);
    const { stdout } = await run(CHROMIUM, [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', `file://${file}`], {
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const m = /<pre id="result">(.*?)<\/pre>/s.exec(stdout);
    if (!m) throw new Error(`Chromium gave no result:\n${stdout.slice(0, 500)}`);
    return JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as {
      texts: number;
      problems: string[];
    };
  });
}
