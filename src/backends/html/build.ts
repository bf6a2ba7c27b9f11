import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Config } from '../../config/config.js';
import type { Model } from '../../model/model.js';
import type { StructureDiagram } from '../diagram/index.js';
import { publishedDocuments, type DocumentOptions } from '../document/index.js';
import { renderHtml, type Branding } from './render.js';
import { loadTemplates } from './templates.js';

/**
 * `tor build --format html`: the published documents as pages, with the partnership's
 * templates and branding from tor.config.yaml. The edge of the HTML backend: it reads the
 * templates folder and the logo; renderHtml does the rest without touching the disk.
 */

/** A problem with the project's templates or branding: the build stops and writes nothing (exit 1). */
export class BuildProblem extends Error {
  override name = 'BuildProblem';
}

export interface HtmlInput {
  model: Model;
  /** The project folder: `templates:` and `branding.logo` are relative to it. */
  root: string;
  config: Pick<Config, 'templates' | 'branding'>;
}

export interface HtmlFile {
  path: string;
  content: string | Uint8Array;
}

export interface HtmlOptions {
  cwd?: string;
  /**
   * The structure diagram: `false` for none (the structure as a list), a diagram drawn
   * already (tor build draws it once for every format), or drawn here when absent or `true`.
   */
  diagram?: boolean | StructureDiagram;
}

export async function htmlFiles(input: HtmlInput, options: HtmlOptions = {}): Promise<HtmlFile[]> {
  const { model, root, config } = input;
  const cwd = options.cwd ?? process.cwd();
  const shown = (path: string): string => {
    const rel = relative(cwd, path);
    return rel === '' ? '.' : isAbsolute(rel) || rel.startsWith('..') ? path : rel;
  };

  const folder = config.templates === undefined ? undefined : resolve(root, config.templates);
  const loaded = await loadTemplates(folder, folder === undefined ? undefined : shown(folder));
  if (!loaded.ok) throw new BuildProblem(loaded.problem);

  const files: HtmlFile[] = [];
  const branding: Branding = {};
  if (config.branding?.name !== undefined) branding.name = config.branding.name;
  if (config.branding?.accent !== undefined) branding.accent = config.branding.accent;
  if (config.branding?.logo !== undefined) {
    const file = resolve(root, config.branding.logo);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
      throw new BuildProblem(`\`branding.logo\` in tor.config.yaml names ${shown(file)}, but ${why}`);
    }
    branding.logo = `logo${extname(file).toLowerCase()}`;
    files.push({ path: branding.logo, content: bytes });
  }

  const documentOptions: DocumentOptions = {};
  if (options.diagram !== false) {
    const drawn = typeof options.diagram === 'object' ? options.diagram : await (await import('../diagram/index.js')).structureDiagram(model);
    documentOptions.diagram = () => ({ svg: drawn.svg, drawing: drawn.drawing, alternative: drawn.alternative });
  }
  const documents = publishedDocuments(model, documentOptions);
  let pages;
  try {
    pages = renderHtml(documents, { templates: loaded.templates, branding });
  } catch (error) {
    // With tor's own templates a failure is a bug in tor; with the project's, most likely in them.
    if (loaded.overridden.length === 0) throw error;
    throw new BuildProblem(`the templates in ${shown(folder!)} (${loaded.overridden.join(', ')}) failed: ${(error as Error).message.split('\n')[0]}`);
  }
  return [...pages, ...files];
}
