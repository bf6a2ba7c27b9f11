import { createHash } from 'node:crypto';
import type { Config } from '../config/config.js';
import { hasErrors, type Diagnostic } from '../index.js';
import { describeFailure, type LoadFailure } from '../cli/load.js';
import { compileProject } from '../cli/project.js';
import { todayFromClock } from '../cli/options.js';
import type { DiagramCache } from './diagram-cache.js';
import { problemsOf, type Problem } from './problems.js';

/**
 * One build of the pages for the preview: the same loading and compiling as `tor build`
 * (compileProject, then the HTML backend), kept in memory instead of written to a folder.
 */

export interface SitePage {
  content: string | Uint8Array;
}

export type SiteBuild =
  | {
      kind: 'pages';
      /** By path relative to the site's root, with `/`: `index.html`, `executive.html`, `logo.png`. */
      pages: ReadonlyMap<string, SitePage>;
      /** Identifies the pages' content: the same sources and templates give the same fingerprint. */
      fingerprint: string;
      /** Every diagnostic (warnings and infos; never errors), for the terminal. */
      diagnostics: Diagnostic[];
      sources: ReadonlyMap<string, string>;
      config: Config;
    }
  | {
      kind: 'problems';
      /** What the overlay lists. */
      problems: Problem[];
      diagnostics: Diagnostic[];
      sources: ReadonlyMap<string, string>;
      /** Undefined when the project could not even be read. */
      config: Config | undefined;
      /** Set when the project could not be read at all (a missing folder, no .tor files). */
      failure?: LoadFailure;
    };

export interface SiteOptions {
  path: string;
  cwd: string;
  diagrams: DiagramCache;
}

export async function buildSite({ path, cwd, diagrams }: SiteOptions): Promise<SiteBuild> {
  const project = await compileProject(path, { today: todayFromClock() }, cwd);
  if (!project.ok) {
    return { kind: 'problems', problems: [{ message: describeFailure(project.failure) }], diagnostics: [], sources: new Map(), config: undefined, failure: project.failure };
  }
  const { root, files, config, configSource, diagnostics, compiled } = project.value;
  const sources = new Map([...(configSource ? [configSource] : []), ...files].map((f) => [f.path, f.text]));
  if (root === undefined || hasErrors(diagnostics) || !compiled.model) {
    const problems = problemsOf(diagnostics);
    if (problems.length === 0) problems.push({ message: 'the sources could not be read as a partnership' });
    return { kind: 'problems', problems, diagnostics, sources, config };
  }
  const model = compiled.model;
  const { htmlFiles } = await import('../backends/html/build.js');
  try {
    const diagram = await diagrams.diagramOf(model);
    const files = await htmlFiles({ model, root, config }, { cwd, diagram });
    const pages = new Map(files.map((f) => [f.path, { content: f.content }]));
    return { kind: 'pages', pages, fingerprint: fingerprintOf(pages), diagnostics, sources, config };
  } catch (error) {
    // The project's templates or logo cannot be used: like `tor build`, say so and keep the pages as they were.
    if (error instanceof Error && error.name === 'BuildProblem') {
      return { kind: 'problems', problems: [{ message: error.message }], diagnostics, sources, config };
    }
    throw error;
  }
}

/** A hash over every page's path and bytes, to tell a rebuild that changed nothing the reader sees. */
function fingerprintOf(pages: ReadonlyMap<string, SitePage>): string {
  const hash = createHash('sha256');
  for (const [path, page] of [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const bytes = typeof page.content === 'string' ? Buffer.from(page.content, 'utf8') : page.content;
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
