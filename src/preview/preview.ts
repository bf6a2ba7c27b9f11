import { relative, resolve, sep } from 'node:path';
import type { Config } from '../config/config.js';
import { reason } from '../cli/io-errors.js';
import { projectRoot, type LoadFailure } from '../cli/load.js';
import { DiagramCache } from './diagram-cache.js';
import { startServer, type PreviewServer, type PreviewState } from './server.js';
import { buildSite, type SiteBuild } from './site.js';
import { watchSources, type SourceWatcher } from './watcher.js';

/**
 * `tor preview`, without the command line: builds the pages, serves them, watches the sources
 * and rebuilds on each change, one build at a time. The last good pages stay served while the
 * sources have errors; the errors go to the open pages instead.
 */

export interface PreviewOptions {
  /** The project, as the user wrote it: a folder or a .tor file. */
  path: string;
  cwd: string;
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Told about every build, for the terminal. */
  onBuild?(report: BuildReport): void;
  /** Told when watching fails; the pages already built are still served. */
  onWatchError?(error: Error): void;
}

export interface BuildReport {
  result: SiteBuild;
  /** From the start of the build to the open pages being told. */
  ms: number;
  /** Whether the pages differ from the last good build's (so open pages reload). */
  changed: boolean;
  /** The build number the pages now carry. */
  build: number | undefined;
  /** Whether the structure diagram had to be laid out again. */
  laidOut: boolean;
}

export interface Preview {
  url: string;
  port: number;
  close(): Promise<void>;
}

export type PreviewStart =
  | { ok: true; preview: Preview }
  | { ok: false; failure: { kind: 'load'; load: LoadFailure } | { kind: 'listen'; error: NodeJS.ErrnoException } };

export async function startPreview(options: PreviewOptions): Promise<PreviewStart> {
  const root = await projectRoot(options.path, options.cwd);
  if (root === undefined) return { ok: false, failure: { kind: 'load', load: { kind: 'missing', path: options.path } } };

  const diagrams = new DiagramCache();
  const state: { -readonly [K in keyof PreviewState]: PreviewState[K] } = { build: undefined, pages: new Map(), problems: [] };
  let fingerprint: string | undefined;
  let config: Config | undefined;
  let server: PreviewServer | undefined;

  const apply = (result: SiteBuild, started: number, layoutsBefore: number): void => {
    let changed = false;
    if (result.kind === 'pages') {
      config = result.config;
      changed = result.fingerprint !== fingerprint;
      if (changed) {
        fingerprint = result.fingerprint;
        state.pages = result.pages;
        state.build = (state.build ?? 0) + 1;
      }
      state.problems = [];
    } else {
      config = result.config ?? config;
      state.problems = result.problems;
    }
    server?.publish();
    options.onBuild?.({ result, ms: performance.now() - started, changed, build: state.build, laidOut: diagrams.layouts > layoutsBefore });
  };

  const runBuild = async (): Promise<void> => {
    const started = performance.now();
    const layoutsBefore = diagrams.layouts;
    let result: SiteBuild;
    try {
      result = await buildSite({ path: options.path, cwd: options.cwd, diagrams });
    } catch (error) {
      // A bug in tor, not in the sources: say so on the page and in the terminal, and keep serving.
      const message = `internal error: ${error instanceof Error ? error.message : String(error)} — this is a bug in tor; please report it`;
      result = { kind: 'problems', problems: [{ message }], diagnostics: [], sources: new Map(), config };
    }
    apply(result, started, layoutsBefore);
  };

  const builds = new BuildQueue(runBuild);
  let watcher: SourceWatcher;
  try {
    // Watching starts before the first build, so a save made while it runs is not missed.
    watcher = await watchSources({
      root,
      isInput: (path) => isInput(path, root, config),
      onChange: () => builds.request(),
      onError: (error) => options.onWatchError?.(error),
    });
  } catch (error) {
    return { ok: false, failure: { kind: 'load', load: { kind: 'unreadable', path: options.path, reason: reason(error) } } };
  }

  // Listening before the first build, so a busy port is said at once, not after the build.
  try {
    server = await startServer({ host: options.host, port: options.port, state: () => state });
  } catch (error) {
    watcher.close();
    return { ok: false, failure: { kind: 'listen', error: error as NodeJS.ErrnoException } };
  }
  const listening = server;
  const stop = async (): Promise<void> => {
    watcher.close();
    await builds.settled();
    await listening.close();
  };

  const firstStarted = performance.now();
  const first = await buildSite({ path: options.path, cwd: options.cwd, diagrams }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  if (first.kind === 'problems' && first.failure) {
    await stop();
    return { ok: false, failure: { kind: 'load', load: first.failure } };
  }
  apply(first, firstStarted, 0);
  builds.release();

  return { ok: true, preview: { url: listening.url, port: listening.port, close: stop } };
}

/**
 * The files a build reads, by path relative to the project root: the sources, the
 * configuration, templates and the logo. Anything else (notes, the README, an editor's swap
 * file, pages built into another folder) changes nothing that is served.
 */
function isInput(path: string, root: string, config: Config | undefined): boolean {
  if (path.endsWith('.tor') || path.endsWith('.hbs') || path === 'tor.config.yaml') return true;
  const logo = config?.branding?.logo;
  return logo !== undefined && relative(root, resolve(root, logo)).split(sep).join('/') === path;
}

/**
 * Runs builds one at a time; requests made during a build become one more build after it.
 * It starts held, so a change seen during the first build is built after it, not beside it.
 */
class BuildQueue {
  private running: Promise<void> | undefined;
  private pending = false;
  private held = true;

  constructor(private readonly build: () => Promise<void>) {}

  request(): void {
    if (this.running || this.held) {
      this.pending = true;
      return;
    }
    this.running = this.loop();
  }

  release(): void {
    this.held = false;
    if (this.pending) this.request();
  }

  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.pending = false;
        await this.build();
      } while (this.pending);
    } finally {
      this.running = undefined;
    }
  }
}
