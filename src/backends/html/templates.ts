import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { closest } from '../../diagnostics/suggest.js';
import { TEMPLATE_NAMES, type TemplateName, type Templates } from './render.js';

/**
 * Reading the templates: tor's own from `templates/` beside the package, then a partnership's
 * `templates:` folder over them. That folder mirrors tor's: `layout.hbs` and
 * `partials/<name>.hbs`; any template it leaves out falls back to tor's.
 */

export type TemplateResult = { ok: true; templates: Templates; overridden: string[] } | { ok: false; problem: string };

/** The file of a template, relative to a templates folder. */
export function templateFile(name: TemplateName): string {
  return name === 'layout' ? 'layout.hbs' : `partials/${name}.hbs`;
}

/** tor's own templates folder: `templates/` at the package root, found from here (src/… or dist/…). */
export function defaultTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'layout.hbs'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('tor cannot find its templates folder (templates/layout.hbs beside the package)');
    dir = parent;
  }
}

/** tor's templates with the ones in `overrides` (a folder) put over them. */
export async function loadTemplates(overrides: string | undefined, shown: string = overrides ?? ''): Promise<TemplateResult> {
  const base = defaultTemplatesDir();
  const templates = {} as Record<TemplateName, string>;
  await Promise.all(TEMPLATE_NAMES.map(async (name) => (templates[name] = await readFile(join(base, templateFile(name)), 'utf8'))));
  if (overrides === undefined) return { ok: true, templates, overridden: [] };

  let files: string[];
  try {
    files = await hbsFiles(overrides);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such folder' : code === 'ENOTDIR' ? 'it is a file, not a folder' : (error as Error).message;
    return { ok: false, problem: `\`templates\` in tor.config.yaml names ${shown}, but ${why}` };
  }
  const known = new Map(TEMPLATE_NAMES.map((n) => [templateFile(n), n]));
  const overridden: string[] = [];
  for (const file of files) {
    const name = known.get(file);
    if (!name) {
      const best = closest(file, [...known.keys()]);
      return {
        ok: false,
        problem: `${join(shown, file)} is not a template tor uses${best ? ` — did you mean ${best}?` : ''} The templates are layout.hbs and partials/<name>.hbs for ${TEMPLATE_NAMES.filter((n) => n !== 'layout').join(', ')}.`,
      };
    }
    const text = await readFile(join(overrides, file), 'utf8');
    try {
      Handlebars.parse(text);
    } catch (error) {
      return { ok: false, problem: `${join(shown, file)} is not a valid handlebars template: ${(error as Error).message.split('\n')[0]}` };
    }
    templates[name] = text;
    overridden.push(file);
  }
  return { ok: true, templates, overridden };
}

/** The `.hbs` files below a folder, as `/`-separated paths relative to it, sorted. */
async function hbsFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
}
