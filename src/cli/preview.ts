import { describeFailure } from './load.js';
import { complain, Exit, type ExitCode, printDiagnostics, useColor } from './output.js';
import { startPreview, type BuildReport } from '../preview/preview.js';

/**
 * `tor preview`: serves a project's pages from memory, rebuilds them on every save and
 * reloads the open pages; problems show on the page as well as here. Runs until Ctrl-C.
 */

export interface PreviewCliOptions {
  /** `--port`, as typed; checked here so the command's module loads only when used. */
  port?: string;
  host?: string;
  color?: boolean;
}

const DEFAULT_PORT = 4321;
const DEFAULT_HOST = '127.0.0.1';

export async function preview(path: string, options: PreviewCliOptions): Promise<ExitCode> {
  const port = options.port === undefined ? DEFAULT_PORT : parsePort(options.port);
  if (port === undefined) {
    complain(`option '--port <n>' argument '${options.port}' is invalid. Give a whole number from 0 to 65535 (0 picks a free port).`);
    return Exit.Usage;
  }
  const host = options.host ?? DEFAULT_HOST;
  const color = useColor(options.color, process.stderr);
  const started = await startPreview({
    path,
    cwd: process.cwd(),
    host,
    port,
    onBuild: (report) => reportBuild(report, color),
    onWatchError: (error) => complain(`stopped watching ${path}: ${error.message}; the last pages built are still served, restart tor preview to watch again`),
  });
  if (!started.ok) {
    const { failure } = started;
    complain(failure.kind === 'load' ? describeFailure(failure.load) : listenProblem(failure.error, { path, host, port }));
    return Exit.Usage;
  }
  const { preview: running } = started;
  process.stdout.write(`Previewing ${path} at ${running.url}\nSave a file to rebuild; open pages reload. Ctrl-C to stop.\n`);
  await interrupted();
  await running.close();
  return Exit.Ok;
}

/** A whole number from 0 to 65535, or undefined. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/** Why the server could not listen, in one line with what to do. */
function listenProblem(error: NodeJS.ErrnoException, { path, host, port }: { path: string; host: string; port: number }): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is in use — try \`tor preview ${shellWord(path)} --port ${port === 65535 ? DEFAULT_PORT : port + 1}\``;
    case 'EACCES':
      return `port ${port} needs privileges this user does not have — try \`tor preview ${shellWord(path)} --port ${DEFAULT_PORT}\``;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${host}: it is not an address of this machine — leave out --host to use ${DEFAULT_HOST}`;
    default:
      return `cannot listen on ${host} port ${port}: ${error.message}`;
  }
}

/** The path as it can be pasted back into a shell. */
function shellWord(path: string): string {
  return /^[\w./@:+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** One line per build on stdout; the diagnostics that stop a build (and warnings) on stderr with their code frames. */
function reportBuild({ result, ms, changed, laidOut, build }: BuildReport, color: boolean): void {
  const shown = result.diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length > 0) printDiagnostics(shown, result.sources, { format: 'stylish', color, stream: process.stderr });
  const took = `${Math.round(ms)} ms${laidOut ? ', structure diagram laid out' : ''}`;
  if (result.kind === 'pages') {
    const pages = [...result.pages.keys()].filter((name) => name.endsWith('.html')).length;
    process.stdout.write(changed ? `built ${pages} pages in ${took}\n` : `rebuilt in ${took}: the pages are unchanged\n`);
  } else {
    const problems = result.problems.filter((p) => p.file === undefined);
    for (const problem of problems) complain(problem.message);
    const count = result.problems.length;
    const meanwhile = build === undefined ? 'nothing can be shown until they are fixed' : 'the pages show the last good build until they are fixed';
    process.stdout.write(`${count} ${count === 1 ? 'problem' : 'problems'} (${took}): ${meanwhile}\n`);
  }
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM, and stops listening for the other. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
