/**
 * The preview server in process, on a free port, over a temporary copy of the Isle of Wight
 * example: pages served from memory with the client in them, nothing else served, an event
 * after each edit, problems instead of pages while the sources have errors, and no rebuild
 * when nothing changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPreview, type BuildReport, type Preview } from '../../src/preview/preview.js';
import { BIN, copyExample, type EventReader, readEvents } from './support.js';

/** The client as the server adds it: an inline script carrying the build number. */
const CLIENT_TAG = /<script data-tor-preview data-build="(\d*)">[^<]*EventSource[^<]*<\/script>\n?/;

let project: ReturnType<typeof copyExample>;
let preview: Preview | undefined;
let events: EventReader | undefined;
let builds: BuildReport[];

beforeEach(() => {
  project = copyExample('isle-of-wight');
  builds = [];
});

afterEach(async () => {
  events?.close();
  events = undefined;
  await preview?.close();
  preview = undefined;
  project.remove();
});

async function start(): Promise<Preview> {
  const started = await startPreview({ path: project.path, cwd: project.dir, host: '127.0.0.1', port: 0, onBuild: (report) => builds.push(report) });
  if (!started.ok) throw new Error(`the preview did not start: ${JSON.stringify(started.failure)}`);
  preview = started.preview;
  return preview;
}

/** Replaces `from` by `to` in a file of the project; fails if `from` is not there. */
function edit(file: string, from: string, to: string): void {
  const path = join(project.project, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** A GET with the path sent exactly as written (fetch would resolve `..` before sending). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (text: string) => (body += text));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('tor preview: serving', () => {
  it('serves the pages tor build writes, each with the client added before </body>', async () => {
    const { url } = await start();
    const out = join(project.dir, 'built');
    const built = spawnSync(process.execPath, [BIN, 'build', project.path, '--out', out, '--format', 'html'], { cwd: project.dir, encoding: 'utf8' });
    expect(built.status).toBe(0);

    for (const name of ['index.html', 'executive.html']) {
      const onDisk = readFileSync(join(out, name), 'utf8');
      expect(onDisk).not.toContain('__tor');
      const response = await fetch(new URL(name, url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const served = await response.text();
      expect(served.match(new RegExp(CLIENT_TAG, 'g'))).toHaveLength(1);
      expect(served).toMatch(new RegExp(`${CLIENT_TAG.source}</body>`));
      expect(served.replace(CLIENT_TAG, '')).toBe(onDisk);
    }
    expect(await (await fetch(url)).text()).toBe(await (await fetch(new URL('index.html', url))).text());
  });

  it('answers 404 for anything but the pages built, and never reads a file through ..', async () => {
    const { url } = await start();
    expect((await fetch(new URL('no-such-group.html', url))).status).toBe(404);
    // The sources are beside the pages on disk, but only built pages are served.
    expect((await fetch(new URL('executive.tor', url))).status).toBe(404);
    for (const path of ['/../../../../etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/../isle-of-wight/executive.tor', '/..\\executive.tor']) {
      const { status, body } = await rawGet(url, path);
      expect(status, path).toBe(404);
      expect(body, path).not.toMatch(/root:|group executive/);
    }
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });
});

describe('tor preview: rebuilding', () => {
  it('sends an event with a new build after an edit, and serves the changed page', async () => {
    const { url } = await start();
    events = await readEvents(url);
    expect(await events.next(() => true)).toEqual({ build: 1, problems: [] });

    edit('executive.tor', 'To be the key decision-making body', 'To be the principal decision-making body');
    expect(await events.next((e) => e.build === 2)).toEqual({ build: 2, problems: [] });
    const page = await (await fetch(new URL('executive.html', url))).text();
    expect(page).toContain('To be the principal decision-making body');
    expect(page).toMatch(/data-build="2"/);
    // Prose changed, not the structure: the diagram was not laid out again.
    expect(builds.at(-1)?.laidOut).toBe(false);
  });

  it('keeps the last good pages while the sources have errors, and sends the errors with file, line and hint', async () => {
    const { url } = await start();
    events = await readEvents(url);
    await events.next(() => true);

    edit('executive.tor', '  meets quarterly', '  meets <b>quarterly</b>');
    const broken = await events.next((e) => e.problems.length > 0);
    expect(broken.build).toBe(1);
    expect(broken.problems).toEqual([
      {
        file: 'isle-of-wight/executive.tor',
        line: 114,
        column: 9,
        message: '`<b>quarterly</b>` is not a meeting frequency.',
        hint: 'For example: `meets quarterly`.',
        code: 'syntax/unexpected',
      },
    ]);
    const stale = await fetch(new URL('executive.html', url));
    expect(stale.status).toBe(200);
    expect(await stale.text()).toMatch(/data-build="1"/);

    edit('executive.tor', '  meets <b>quarterly</b>', '  meets monthly');
    expect(await events.next((e) => e.build === 2)).toEqual({ build: 2, problems: [] });
    const fixed = await (await fetch(new URL('executive.html', url))).text();
    expect(fixed).toContain('The Executive Group will meet monthly');
    expect(fixed).not.toContain('The Executive Group will meet quarterly');
  });

  it('clears the problems without a reload when the fix gives back the same pages', async () => {
    const { url } = await start();
    events = await readEvents(url);
    await events.next(() => true);
    edit('executive.tor', '  meets quarterly', '  meets quartely');
    await events.next((e) => e.problems.length > 0);
    edit('executive.tor', '  meets quartely', '  meets quarterly');
    expect(await events.next((e) => e.problems.length === 0)).toEqual({ build: 1, problems: [] });
  });

  it('does not rebuild when a save leaves the inputs as they were, or a file that is not an input changes', async () => {
    const { url } = await start();
    events = await readEvents(url);
    await events.next(() => true);
    const before = builds.length;
    const file = join(project.project, 'executive.tor');
    writeFileSync(file, readFileSync(file));
    writeFileSync(join(project.project, 'notes.txt'), 'not a source');
    writeFileSync(join(project.project, '.executive.tor.swp'), 'an editor swap file');
    // Long enough for the watcher to settle and compare many times over.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(builds.length).toBe(before);
    expect(events.received).toHaveLength(1);
  });

  it('follows files created, renamed and deleted', async () => {
    const { url } = await start();
    events = await readEvents(url);
    await events.next(() => true);
    const extra = 'group reading-group: Reading Group\n  kind: subgroup\n  accountable to executive\n';
    writeFileSync(join(project.project, 'extra.tor'), extra);
    await events.next((e) => e.build === 2);
    expect((await fetch(new URL('reading-group.html', url))).status).toBe(200);
    // A new group changes the structure: the diagram is laid out again.
    expect(builds.at(-1)?.laidOut).toBe(true);

    renameSync(join(project.project, 'extra.tor'), join(project.project, 'renamed.tor.txt'));
    await events.next((e) => e.build === 3);
    expect((await fetch(new URL('reading-group.html', url))).status).toBe(404);

    renameSync(join(project.project, 'renamed.tor.txt'), join(project.project, 'again.tor'));
    await events.next((e) => e.build === 4);
    expect((await fetch(new URL('reading-group.html', url))).status).toBe(200);

    rmSync(join(project.project, 'again.tor'));
    await events.next((e) => e.build === 5);
    expect((await fetch(new URL('reading-group.html', url))).status).toBe(404);
  });

  it('rebuilds when tor.config.yaml changes, and shows its problems at their line', async () => {
    const { url } = await start();
    events = await readEvents(url);
    await events.next(() => true);
    const config = join(project.project, 'tor.config.yaml');
    writeFileSync(config, 'branding:\n  name: Island Safeguarding\n');
    await events.next((e) => e.build === 2);
    expect(await (await fetch(url)).text()).toContain('Island Safeguarding');

    writeFileSync(config, 'branding:\n  name: Island Safeguarding\n  colour: red\n');
    const broken = await events.next((e) => e.problems.length > 0);
    expect(broken.problems[0]).toMatchObject({ file: 'isle-of-wight/tor.config.yaml', line: 3 });

    rmSync(config);
    await events.next((e) => e.build === 3 && e.problems.length === 0);
    expect(await (await fetch(url)).text()).not.toContain('Island Safeguarding');
  });

  it("rebuilds when one of the project's templates changes, and shows a template that does not compile", async () => {
    const { url } = await start();
    events = await readEvents(url);
    await events.next(() => true);
    mkdirSync(join(project.project, 'look', 'partials'), { recursive: true });
    const footer = join(project.project, 'look', 'partials', 'footer.hbs');
    writeFileSync(footer, '<footer class="site-footer"><p>Draft for the Board</p></footer>\n');
    writeFileSync(join(project.project, 'tor.config.yaml'), 'templates: look\n');
    await events.next((e) => e.build === 2);
    expect(await (await fetch(url)).text()).toContain('Draft for the Board');

    writeFileSync(footer, '<footer class="site-footer"><p>Final {{#if}}</p></footer>\n');
    const broken = await events.next((e) => e.problems.length > 0);
    expect(broken.problems[0]?.message).toMatch(/footer\.hbs is not a valid handlebars template/);
    expect(await (await fetch(url)).text()).toContain('Draft for the Board');

    writeFileSync(footer, '<footer class="site-footer"><p>Final for the Board</p></footer>\n');
    await events.next((e) => e.build === 3 && e.problems.length === 0);
    expect(await (await fetch(url)).text()).toContain('Final for the Board');
  });

  it('serves a waiting page until sources that start broken first build, then the pages', async () => {
    edit('executive.tor', '  meets quarterly', '  meets quartely');
    const { url } = await start();
    const waiting = await fetch(url);
    expect(waiting.status).toBe(503);
    expect(await waiting.text()).toMatch(/data-build=""/);
    expect((await fetch(new URL('executive.html', url))).status).toBe(503);
    events = await readEvents(url);
    const first = await events.next(() => true);
    expect(first.build).toBeNull();
    expect(first.problems[0]).toMatchObject({ file: 'isle-of-wight/executive.tor', line: 114 });

    edit('executive.tor', '  meets quartely', '  meets quarterly');
    await events.next((e) => e.build === 1);
    expect((await fetch(url)).status).toBe(200);
  });
});
