/**
 * `tor preview` in a real browser: the compiled CLI serves a temporary copy of the Isle of
 * Wight example, Debian's Chromium (through playwright-core) opens the Executive Group's page,
 * and the test edits the sources as an author would:
 * - a change of wording → the page reloads by itself and shows it;
 * - a syntax error → the page stays, with an overlay naming the file, line and message as
 *   text (the message quotes markup, which must not become markup), no axe violations, and
 *   Escape dismisses it;
 * - the fix → the overlay goes and the page shows the fixed text.
 * Screenshots of the page and of the overlay go to $TMPDIR/tor-screenshots, to be looked at.
 *
 * Without /usr/bin/chromium the tests skip, loudly; with CI=true they fail instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, HAS_CHROMIUM, IN_CI } from '../backends/diagram/chromium.js';
import { copyExample, type PreviewProcess, readEvents, spawnPreview } from '../preview/support.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = join(process.env['TMPDIR'] ?? tmpdir(), 'tor-screenshots');
const OVERLAY = '#tor-preview-problems';

if (!HAS_CHROMIUM && !IN_CI) {
  console.warn(`\n*** ${CHROMIUM} not found: the preview's browser test (reload, overlay, screenshots) is SKIPPED. Install Debian's chromium (apt-get install chromium) to run it. ***\n`);
}

// What the functions run in the page use (the project type-checks without the DOM library).
declare const document: { body: { innerText: string }; querySelector(selector: string): { outerHTML: string } | null };
declare const axe: { run(context: unknown, options: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> };

describe.skipIf(!HAS_CHROMIUM && !IN_CI)('tor preview in Chromium', () => {
  let browser: Browser | undefined;
  let server: PreviewProcess | undefined;
  let project: ReturnType<typeof copyExample> | undefined;

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run must install chromium`);
    project = copyExample('isle-of-wight');
    server = spawnPreview([project.path, '--port', '0'], project.dir);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    project?.remove();
  });

  function edit(from: string | RegExp, to: string): void {
    const path = join(project!.project, 'executive.tor');
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(from);
    writeFileSync(path, text.replace(from, to));
  }

  /** Edits the sources and waits for the page to load again; returns the milliseconds from the write to the new DOM. */
  async function editAndReload(page: Page, from: string | RegExp, to: string): Promise<number> {
    const loaded = page.waitForEvent('domcontentloaded', { timeout: 10_000 });
    const start = performance.now();
    edit(from, to);
    await loaded;
    return performance.now() - start;
  }

  async function shoot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const png = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: png });
    console.log(`screenshot: ${png}`);
  }

  it('reloads on an edit, shows an error in an overlay, and drops the overlay when it is fixed', async () => {
    const url = await server!.url;
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      await page.goto(new URL('executive.html', url).href, { waitUntil: 'load' });
      expect(await page.locator('h1').innerText()).toBe('Executive Group Terms of Reference');
      await shoot(page, 'preview-executive');

      // An edit: the page reloads by itself with the new words.
      const ms = await editAndReload(page, 'To be the key decision-making body', 'To be the principal decision-making body');
      console.log(`edit to new DOM: ${Math.round(ms)} ms`);
      expect(await page.evaluate(() => document.body.innerText)).toContain('To be the principal decision-making body');

      // An error: no reload, an overlay with the file, line and message; the text quoted from the source stays text.
      edit('  meets quarterly', '  meets <b>quarterly</b>');
      const overlay = page.locator(OVERLAY);
      await overlay.waitFor({ state: 'visible', timeout: 10_000 });
      const alert = overlay.locator('[role="alert"]');
      await expect.poll(() => alert.count()).toBe(1);
      expect(await overlay.locator('h2').innerText()).toMatch(/1 problem, the page shows the last good build/);
      expect(await overlay.locator('.place').innerText()).toBe('isle-of-wight/executive.tor:114:9');
      expect(await overlay.locator('.message').innerText()).toBe('`<b>quarterly</b>` is not a meeting frequency. (syntax/unexpected)');
      expect(await overlay.locator('.hint').innerText()).toBe('help: For example: `meets quarterly`.');
      expect(await overlay.locator('b').count()).toBe(0);
      // The last good page is still there under the overlay.
      expect(await page.evaluate(() => document.body.innerText)).toContain('To be the principal decision-making body');
      await shoot(page, 'preview-executive-overlay');

      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
      const violations = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — at ${JSON.stringify(n.target)}`));
      expect(violations).toEqual([]);

      // Keyboard: with focus on the overlay's button, Escape dismisses it.
      await overlay.locator('button').focus();
      await page.keyboard.press('Escape');
      await overlay.waitFor({ state: 'detached', timeout: 2_000 });

      // The fix: the page reloads with it, and no overlay.
      await editAndReload(page, '  meets <b>quarterly</b>', '  meets monthly');
      expect(await page.evaluate(() => document.body.innerText)).toContain('The Executive Group will meet monthly');
      expect(await page.locator(OVERLAY).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows the problems on a page opened while the sources are broken, and takes them away when fixed', async () => {
    const url = await server!.url;
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      // Whatever the test before left, the line becomes an error; putting it back gives the last good build again.
      const good = /^ {2}meets \w+$/m.exec(readFileSync(join(project!.project, 'executive.tor'), 'utf8'))![0];
      edit(good, '  meets quartely');
      // Wait for the server to have seen the error before opening the page.
      const events = await readEvents(url);
      try {
        await events.next((e) => e.problems.length > 0, 10_000);
      } finally {
        events.close();
      }
      await page.goto(new URL('executive.html', url).href, { waitUntil: 'load' });
      await page.locator(OVERLAY).waitFor({ state: 'visible', timeout: 10_000 });
      expect(await page.locator(`${OVERLAY} .place`).innerText()).toBe('isle-of-wight/executive.tor:114:9');

      // Putting back the text of the last good build clears the overlay without a reload.
      let reloads = 0;
      page.on('domcontentloaded', () => reloads++);
      edit('  meets quartely', good);
      await page.locator(OVERLAY).waitFor({ state: 'detached', timeout: 10_000 });
      expect(reloads).toBe(0);
      expect(await page.evaluate((selector) => document.querySelector(selector)?.outerHTML ?? null, OVERLAY)).toBeNull();
    } finally {
      await context.close();
    }
  }, 60_000);
});
