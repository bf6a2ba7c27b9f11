import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS_PATH, injectClient } from './client.js';
import type { Problem } from './problems.js';
import type { SitePage } from './site.js';

/**
 * The preview's web server (Node's http): the last good pages from memory with the reload
 * client in them, and a stream of server-sent events that tells open pages about each build.
 * Nothing is read from disk, so no address can reach a file: a path is only ever looked up
 * among the pages built.
 */

export interface PreviewState {
  /** Counts good builds that changed the pages; undefined until the first one. */
  build: number | undefined;
  /** The last good build's pages; empty until there is one. */
  pages: ReadonlyMap<string, SitePage>;
  /** Why the sources cannot be built now; empty when the pages are up to date. */
  problems: readonly Problem[];
}

export interface PreviewServer {
  /** `http://127.0.0.1:4321/`: the address to open, with the port actually bound. */
  url: string;
  port: number;
  /** Tells every open page the new state: they reload for a new build, else show or hide the problems. */
  publish(): void;
  /** Ends the event streams and every connection, then stops listening. */
  close(): Promise<void>;
}

export interface ServerOptions {
  host: string;
  port: number;
  /** The current state, read on each request. */
  state(): PreviewState;
}

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/** Browsers reconnect after this long when the stream drops (the server restarted, the laptop woke). */
const RETRY_MS = 500;

/** Resolves once listening; rejects with the listen error (EADDRINUSE, EACCES, …) for the caller to word. */
export function startServer(options: ServerOptions): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  const server = createServer((request, response) => respond(request, response, options.state, streams));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
        port,
        publish: () => {
          const event = eventOf(options.state());
          for (const stream of streams) stream.write(event);
        },
        close: () => closeServer(server, streams),
      });
    });
  });
}

function respond(request: IncomingMessage, response: ServerResponse, state: () => PreviewState, streams: Set<ServerResponse>): void {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD are served.\n', request);
  }
  const path = requestedPath(request.url);
  if (path === EVENTS_PATH) return openStream(request, response, state(), streams);

  const current = state();
  const name = path === '/' ? 'index.html' : path?.slice(1);
  // A plain lookup among the pages built: `..`, encoded slashes and absolute paths find nothing.
  const page = name === undefined ? undefined : current.pages.get(name);
  if (page) {
    const type = TYPES[name!.slice(name!.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
    const body = type.startsWith('text/html') && typeof page.content === 'string' ? injectClient(page.content, current.build) : page.content;
    return send(response, 200, type, body, request);
  }
  if (current.build === undefined && (name === 'index.html' || name?.endsWith('.html'))) {
    return send(response, 503, TYPES['html']!, injectClient(WAITING_PAGE, undefined), request);
  }
  return send(response, 404, 'text/plain; charset=utf-8', `Not found: the preview serves only the pages built from the sources.\n`, request);
}

/** The decoded path of a request, or undefined when it cannot be decoded. */
function requestedPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://preview.invalid').pathname);
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, request: IncomingMessage): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function openStream(request: IncomingMessage, response: ServerResponse, state: PreviewState, streams: Set<ServerResponse>): void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  if (request.method === 'HEAD') return void response.end();
  // The current state at once: a page loaded during a broken build shows the problems straight away.
  response.write(`retry: ${RETRY_MS}\n\n${eventOf(state)}`);
  streams.add(response);
  request.on('close', () => streams.delete(response));
}

/** One server-sent event; JSON never holds a raw newline, so it fits one `data:` line. */
function eventOf(state: PreviewState): string {
  return `data: ${JSON.stringify({ build: state.build ?? null, problems: state.problems })}\n\n`;
}

function closeServer(server: Server, streams: Set<ServerResponse>): Promise<void> {
  for (const stream of streams) stream.end();
  streams.clear();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Browsers keep idle connections open; without this, close would wait for them to time out.
    server.closeAllConnections();
  });
}

/** Served for every page until the sources first build: the client shows why, and reloads once they do. */
const WAITING_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Waiting for the sources to build – tor preview</title>
<style>body { margin: 2rem; font: 18px/1.5 system-ui, sans-serif; color: #0b0c0c; }</style>
</head>
<body>
<main>
<h1>Waiting for the sources to build</h1>
<p>The pages appear here as soon as the problems listed below are fixed and saved.</p>
</main>
</body>
</html>
`;
