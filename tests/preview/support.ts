import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem } from '../../src/preview/problems.js';

/** Shared by the preview's tests: temporary projects, the event stream, and the CLI as a child process. */

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'tor.js');

/** A copy of an example in a new temporary folder (the tests edit it); `dir` is its parent, `path` the copy's folder name. */
export function copyExample(name: string): { dir: string; path: string; project: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tor-preview-'));
  cpSync(join(ROOT, 'examples', name), join(dir, name), { recursive: true });
  return { dir, path: name, project: join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface PreviewEvent {
  build: number | null;
  problems: Problem[];
}

/** The preview's server-sent events, read with fetch; `next` waits for the first event (from now on) that matches. */
export interface EventReader {
  next(matches: (event: PreviewEvent) => boolean, timeoutMs?: number): Promise<PreviewEvent>;
  /** Every event received so far. */
  readonly received: PreviewEvent[];
  close(): void;
}

export async function readEvents(url: string): Promise<EventReader> {
  const abort = new AbortController();
  const response = await fetch(new URL('/__tor/events', url), { signal: abort.signal });
  if (response.headers.get('content-type')?.startsWith('text/event-stream') !== true) throw new Error(`not an event stream: ${response.status}`);
  const received: PreviewEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (data) received.push(JSON.parse(data.slice(6)) as PreviewEvent);
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Aborted by close(), or the server stopped: the waiters time out.
    }
  })();
  return {
    received,
    next(matches, timeoutMs = 5_000) {
      const from = received.length;
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = received.slice(from).find(matches);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; received ${JSON.stringify(received.slice(from))}`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () => abort.abort(),
  };
}

/** `tor preview …` from the compiled CLI, with its output collected. */
export interface PreviewProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The address printed on start. */
  url: Promise<string>;
  /** Exit code (or signal name) once it has exited. */
  exited: Promise<number | string>;
  /** Stops it (SIGINT, then SIGKILL after `graceMs`) and waits for it to go. */
  stop(graceMs?: number): Promise<number | string>;
}

export function spawnPreview(args: readonly string[], cwd: string): PreviewProcess {
  const child = spawn(process.execPath, [BIN, 'preview', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = new Promise<string>((resolve, reject) => {
    const look = (): void => {
      const found = /http:\/\/\S+\//.exec(out);
      if (found) resolve(found[0]);
    };
    child.stdout.on('data', look);
    void exited.then((code) => reject(new Error(`tor preview exited (${code}) before printing its address:\n${err}`)));
  });
  // Callers that only look at the exit would otherwise leave this rejection unhandled.
  url.catch(() => {});
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    url,
    exited,
    async stop(graceMs = 5_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
