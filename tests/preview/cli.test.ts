/**
 * `tor preview` as users run it: the compiled CLI in a child process. It prints its address,
 * stops cleanly on Ctrl-C, and refuses a busy port, a bad --port or a missing path in one line
 * with exit 2. Every child is stopped (SIGINT, then SIGKILL) before its test ends.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePort } from '../../src/cli/preview.js';
import { BIN, copyExample, type PreviewProcess, spawnPreview } from './support.js';

const running: PreviewProcess[] = [];
const cleanups: Array<() => void | Promise<void>> = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop(2_000)));
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function preview(args: readonly string[], cwd: string): PreviewProcess {
  const started = spawnPreview(args, cwd);
  running.push(started);
  return started;
}

function project(): ReturnType<typeof copyExample> {
  const copy = copyExample('isle-of-wight');
  cleanups.push(() => copy.remove());
  return copy;
}

/** A port held by another server on 127.0.0.1 for the rest of the test. */
async function busyPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as { port: number }).port;
}

describe('tor preview on the command line', () => {
  it('prints the address it serves, serves the pages, and exits 0 on Ctrl-C', async () => {
    const copy = project();
    const child = preview([copy.path, '--port', '0'], copy.dir);
    const url = await child.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(child.stdout()).toContain(`Previewing ${copy.path} at ${url}`);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('</html>');
    expect(await child.stop()).toBe(0);
    expect(child.stderr()).toBe('');
  });

  it('says which port is in use and which to try, in one line, exit 2', async () => {
    const copy = project();
    const port = await busyPort();
    const child = preview([copy.path, '--port', String(port)], copy.dir);
    expect(await child.exited).toBe(2);
    expect(child.stderr()).toBe(`tor: port ${port} is in use — try \`tor preview ${copy.path} --port ${port + 1}\`\n`);
    expect(child.stdout()).toBe('');
  });

  it('says when --host is not an address of this machine, exit 2', async () => {
    const copy = project();
    // 192.0.2.1 is reserved for documentation (RFC 5737): no machine has it.
    const child = preview([copy.path, '--port', '0', '--host', '192.0.2.1'], copy.dir);
    expect(await child.exited).toBe(2);
    expect(child.stderr()).toBe('tor: cannot listen on 192.0.2.1: it is not an address of this machine — leave out --host to use 127.0.0.1\n');
  });

  it('refuses a missing path with the same line as tor build, exit 2', async () => {
    const copy = project();
    const child = preview(['no-such-project', '--port', '0'], copy.dir);
    expect(await child.exited).toBe(2);
    const build = spawnSync(process.execPath, [BIN, 'build', 'no-such-project'], { cwd: copy.dir, encoding: 'utf8' });
    expect(build.status).toBe(2);
    expect(child.stderr()).toBe(build.stderr);
    expect(child.stderr()).toBe('tor: no such file or folder: no-such-project\n');
  });

  it('refuses a port that is not a number from 0 to 65535, exit 2', async () => {
    const copy = project();
    for (const port of ['http', '65536', '-1']) {
      const child = preview([copy.path, '--port', port], copy.dir);
      expect(await child.exited, port).toBe(2);
      const lines = child.stderr().trimEnd().split('\n');
      expect(lines, port).toHaveLength(1);
      expect(lines[0], port).toMatch(/^tor: option '--port <n>' argument '.+' is invalid\. Give a whole number from 0 to 65535/);
    }
  });
});

describe('parsePort', () => {
  it('takes whole numbers from 0 to 65535 only', () => {
    expect([0, 80, 4321, 65535].map((n) => parsePort(String(n)))).toEqual([0, 80, 4321, 65535]);
    expect(['', '65536', '1.5', '-1', '0x10', ' 80', '999999'].map(parsePort)).toEqual(Array(7).fill(undefined));
  });
});
