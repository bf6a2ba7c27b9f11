/**
 * The published pages in a real browser: each example built with the compiled CLI
 * (`tor build --format html`), every page loaded from file:// in Debian's Chromium through
 * playwright-core, then
 * - axe-core at WCAG 2.2 AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa): zero violations;
 * - every internal link (to a .html page, a #fragment, or both) resolves to a written page and,
 *   for a fragment, to an element with that id on it, as the browser parsed it;
 * - full-page screenshots of the Isle of Wight arrangements and Executive Group pages, to look at.
 *
 * Without /usr/bin/chromium the tests skip, loudly; with CI=true they fail instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, HAS_CHROMIUM, IN_CI } from '../backends/diagram/chromium.js';
import { ROOT } from '../backends/html/html.js';

const EXAMPLES = ['isle-of-wight', 'gloucestershire', 'kent'] as const;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const BIN = join(ROOT, 'bin', 'tor.js');
/** Where the screenshots go; kept after the run, to be looked at. */
const SCREENSHOTS = join(process.env['TMPDIR'] ?? tmpdir(), 'tor-screenshots');
const SHOOT: Record<string, readonly string[]> = { 'isle-of-wight': ['index.html', 'executive.html'] };

if (!HAS_CHROMIUM && !IN_CI) {
  console.warn(`\n*** ${CHROMIUM} not found: the browser checks (axe-core, links, screenshots) are SKIPPED. Install Debian's chromium (apt-get install chromium) to run them. ***\n`);
}

interface AxeNode {
  target: unknown[];
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}
// What the functions run in the page use (the project type-checks without the DOM library).
declare const document: { querySelectorAll(selector: string): ArrayLike<{ id: string; getAttribute(name: string): string | null }> };
declare const axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[]; passes: unknown[] }> };

interface Visited {
  /** Each violation as one line: page, rule, impact, help, target. */
  violations: string[];
  /** Rules that passed, for the count. */
  passes: number;
  /** Rules axe could not decide on ("needs review"), by id: reported, not failed. */
  incomplete: string[];
  ids: Set<string>;
  hrefs: string[];
}

describe.skipIf(!HAS_CHROMIUM && !IN_CI)('the published pages in Chromium', () => {
  let browser: Browser | undefined;
  let temp = '';

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install chromium`);
    temp = mkdtempSync(join(tmpdir(), 'tor-browser-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  async function visit(page: Page, file: string): Promise<Visited> {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
    const found = await page.evaluate(() => ({
      ids: Array.from(document.querySelectorAll('[id]'), (e) => e.id),
      hrefs: Array.from(document.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? ''),
    }));
    return {
      violations: result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'no impact'}): ${v.help} — at ${JSON.stringify(n.target)}`)),
      passes: result.passes.length,
      incomplete: result.incomplete.map((v) => v.id),
      ids: new Set(found.ids),
      hrefs: found.hrefs,
    };
  }

  it.each(EXAMPLES)('%s: every page has no axe violations at WCAG 2.2 AA, and its internal links resolve', async (example) => {
    const out = join(temp, example);
    const build = spawnSync(process.execPath, [BIN, 'build', `examples/${example}`, '--out', out, '--format', 'html'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(build.stderr).not.toContain('internal error');
    expect(build.status).toBe(0);
    const names = readdirSync(out).filter((f) => f.endsWith('.html')).sort();
    expect(names).toContain('index.html');

    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const visited = new Map<string, Visited>();
    try {
      for (const name of names) {
        visited.set(name, await visit(page, join(out, name)));
        if (SHOOT[example]?.includes(name)) {
          mkdirSync(SCREENSHOTS, { recursive: true });
          const png = join(SCREENSHOTS, `${example}-${name.replace(/\.html$/, '')}.png`);
          await page.screenshot({ path: png, fullPage: true });
          console.log(`screenshot: ${png}`);
        }
      }
    } finally {
      await context.close();
    }

    const violations = [...visited].flatMap(([name, v]) => v.violations.map((line) => `${name}: ${line}`));
    const broken: string[] = [];
    let internal = 0;
    for (const [name, v] of visited) {
      for (const href of v.hrefs) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // https:, mailto:, … — not ours to check here
        internal++;
        const [path, fragment] = href.startsWith('#') ? [name, href.slice(1)] : (href.split('#') as [string, string | undefined]);
        const target = visited.get(path);
        if (!target) broken.push(`${name}: ${href} (${existsSync(join(out, path)) ? 'not a published page' : 'no such file'})`);
        else if (fragment !== undefined && fragment !== '' && !target.ids.has(decodeURIComponent(fragment))) broken.push(`${name}: ${href} (no element with that id)`);
      }
    }
    console.log(
      `${example}: ${names.length} pages, ${violations.length} axe violations (${[...visited.values()].reduce((n, v) => n + v.passes, 0)} rule passes), ` +
        `${internal} internal links checked, ${broken.length} broken`,
    );
    const review = [...visited].flatMap(([name, v]) => v.incomplete.map((id) => `${name}: ${id}`));
    if (review.length > 0) console.log(`${example}: axe could not decide (needs review, not failed): ${review.join(', ')}`);
    if (violations.length > 0) console.error(`axe violations in ${example}:\n  ${violations.join('\n  ')}`);
    expect(violations).toEqual([]);
    expect(broken).toEqual([]);
    expect(internal).toBeGreaterThan(0);
  }, 120_000);
});
