/**
 * How long `tor preview` takes from saving a file to the browser showing the change:
 * `node scripts/build.mjs && npx tsx bench/preview-latency.ts [edits]`.
 *
 * Runs the compiled CLI on a temporary copy of examples/isle-of-wight, opens the Executive
 * Group's page in Debian's Chromium (playwright-core), and times each edit from the write to
 * the reloaded page's DOMContentLoaded, checking the new words are on it. Two kinds of edit:
 * prose (a word of the group's purpose: the structure diagram is reused) and structure (the
 * group's title, which the diagram draws, so ELK lays it out again). The first few edits warm
 * the process up and are not counted. Also prints the build time the server reports, so the
 * rest (waiting for the save to settle, the event, the reload) can be told apart.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const EDITS = Number(process.argv[2] ?? 15);
const WARM_UP = 3;
const STRUCTURE_EDITS = 5;

interface Timing {
  /** Write to DOMContentLoaded of the reloaded page. */
  total: number;
  /** What the server reported for the build. */
  build: number;
}

const dir = mkdtempSync(join(tmpdir(), 'tor-preview-latency-'));
const project = join(dir, 'isle-of-wight');
cpSync(join(ROOT, 'examples', 'isle-of-wight'), project, { recursive: true });
const file = join(project, 'executive.tor');

const server = spawn(process.execPath, [join(ROOT, 'bin', 'tor.js'), 'preview', project, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
const buildTimes: number[] = [];
server.stdout.setEncoding('utf8').on('data', (text: string) => {
  output += text;
  for (const m of text.matchAll(/^built \d+ pages in (\d+) ms/gm)) buildTimes.push(Number(m[1]));
});
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });

try {
  const url = await address();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(new URL('executive.html', url).href, { waitUntil: 'load' });

  const prose: Timing[] = [];
  for (let k = 0; k < WARM_UP + EDITS; k++) {
    const timing = await timeEdit(page, /To be the \S+ decision-making body/, `To be the edit${k} decision-making body`, `To be the edit${k} decision-making body`);
    if (k >= WARM_UP) prose.push(timing);
  }
  const structure: Timing[] = [];
  for (let k = 0; k < STRUCTURE_EDITS; k++) {
    structure.push(await timeEdit(page, /^group executive: .*$/m, `group executive: Executive Group ${k}`, `Executive Group ${k}`));
  }

  console.log(`tor preview latency, examples/isle-of-wight, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0]!.toFixed(2)} at the end`);
  console.log(`from the write to the reloaded page's DOMContentLoaded in Chromium; ${EDITS} prose edits after ${WARM_UP} to warm up, ${STRUCTURE_EDITS} structure edits\n`);
  console.log('edit        median   p90   min   max   (build, median)');
  for (const [name, timings] of [['prose', prose], ['structure', structure]] as const) {
    const totals = timings.map((t) => t.total);
    console.log(
      `${name.padEnd(10)} ${fmt(quantile(totals, 0.5))} ${fmt(quantile(totals, 0.9))} ${fmt(Math.min(...totals))} ${fmt(Math.max(...totals))}   (${fmt(quantile(timings.map((t) => t.build), 0.5))})`,
    );
  }
} finally {
  await browser.close();
  server.kill('SIGINT');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}

async function address(): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const found = /http:\/\/\S+\//.exec(output);
    if (found) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`tor preview printed no address:\n${output}`);
}

/** One edit of executive.tor, timed from the write to the reloaded page; fails if the page does not show `expected`. */
async function timeEdit(page: Page, from: RegExp, to: string, expected: string): Promise<Timing> {
  const text = readFileSync(file, 'utf8');
  if (!from.test(text)) throw new Error(`${from} is not in executive.tor`);
  const builtBefore = buildTimes.length;
  const loaded = page.waitForEvent('domcontentloaded', { timeout: 10_000 });
  const start = performance.now();
  writeFileSync(file, text.replace(from, to));
  await loaded;
  const total = performance.now() - start;
  const shown = await page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
  if (!shown.includes(expected)) throw new Error(`the reloaded page does not show "${expected}"`);
  // Let the page settle, as between an author's saves.
  await new Promise((resolve) => setTimeout(resolve, 250));
  return { total, build: buildTimes[builtBefore] ?? Number.NaN };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function fmt(ms: number): string {
  return `${Math.round(ms)} ms`.padStart(6);
}
