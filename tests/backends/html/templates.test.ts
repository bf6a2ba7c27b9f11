import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildProblem, htmlFiles } from '../../../src/backends/html/build.js';
import { TEMPLATE_NAMES } from '../../../src/backends/html/render.js';
import { defaultTemplatesDir, loadTemplates, templateFile } from '../../../src/backends/html/templates.js';
import { exampleModel, ROOT } from './html.js';

/** tor.config.yaml `templates:` overrides any template; what it leaves out falls back to tor's. */

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tor-templates-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the default templates', () => {
  it('are a layout and one partial per name, every one of them in templates/', async () => {
    const dir = defaultTemplatesDir();
    expect(dir).toBe(join(ROOT, 'templates'));
    for (const name of TEMPLATE_NAMES) expect(existsSync(join(dir, templateFile(name))), name).toBe(true);
    const loaded = await loadTemplates(undefined);
    expect(loaded.ok && loaded.overridden).toEqual([]);
  });

  it('never use a triple-stash for text (only the diagram SVG, which is generated markup)', async () => {
    const loaded = await loadTemplates(undefined);
    if (!loaded.ok) throw new Error(loaded.problem);
    for (const name of TEMPLATE_NAMES) {
      const triple = loaded.templates[name].match(/\{\{\{[^}]*\}\}\}|\{\{&/g) ?? [];
      expect(triple, name).toEqual(name === 'diagram' ? ['{{{svg}}}'] : []);
    }
  });
});

describe('overriding templates', () => {
  it('uses the project’s partials and falls back to tor’s for the rest', async () => {
    const dir = folder({
      'partials/heading.hbs': '<h{{level}} id="{{id}}" class="custom">§ {{text}}</h{{level}}>',
      'partials/footer.hbs': '<footer><p>Custom footer for {{partnership}}</p></footer>',
    });
    const files = await htmlFiles({ model: exampleModel('kent'), root: dir, config: { templates: '.' } }, { diagram: false });
    const page = files.find((f) => f.path === 'executive-board.html')!.content as string;
    expect(page).toContain('<h2 id="purpose" class="custom">§ Purpose</h2>');
    expect(page).toContain('<footer><p>Custom footer for Kent Safeguarding Children Multi-agency Partnership</p></footer>');
    // Not overridden: tor's own.
    expect(page).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
    expect(page).toMatch(/<p>These are the terms of reference of the Partnership Executive Board/);
  });

  it('can replace the layout', async () => {
    const dir = folder({ 'layout.hbs': '<!DOCTYPE html><html lang="{{lang}}"><body><main><h1>{{title}}</h1>{{> blocks blocks}}</main></body></html>' });
    const files = await htmlFiles({ model: exampleModel('kent'), root: dir, config: { templates: '.' } }, { diagram: false });
    const page = files.find((f) => f.path === 'executive-board.html')!.content as string;
    expect(page.startsWith('<!DOCTYPE html><html lang="en-GB"><body><main><h1>Partnership Executive Board Terms of Reference</h1>')).toBe(true);
  });

  it.each([
    [{ 'partials/heeding.hbs': 'x' }, /partials\/heeding\.hbs is not a template tor uses — did you mean partials\/heading\.hbs\?/],
    [{ 'partials/heading.hbs': '{{#if}}' }, /partials\/heading\.hbs is not a valid handlebars template: Parse error/],
    [{ 'partials/heading.hbs': '{{#each x}}' }, /partials\/heading\.hbs is not a valid handlebars template/],
  ])('refuses %j with a clear message', async (files, message) => {
    const dir = folder(files);
    await expect(htmlFiles({ model: exampleModel('kent'), root: dir, config: { templates: '.' } }, { diagram: false })).rejects.toThrow(message);
    await expect(htmlFiles({ model: exampleModel('kent'), root: dir, config: { templates: '.' } }, { diagram: false })).rejects.toBeInstanceOf(BuildProblem);
  });

  it('says when the folder is missing', async () => {
    const dir = tempDir();
    await expect(htmlFiles({ model: exampleModel('kent'), root: dir, config: { templates: 'nowhere' } }, { diagram: false, cwd: dir })).rejects.toThrow(
      '`templates` in tor.config.yaml names nowhere, but there is no such folder',
    );
  });

  it('reports a template that fails when rendered as a problem in the templates', async () => {
    const dir = folder({ 'partials/paragraph.hbs': '{{> no-such-partial}}' });
    await expect(htmlFiles({ model: exampleModel('kent'), root: dir, config: { templates: '.' } }, { diagram: false, cwd: dir })).rejects.toThrow(
      /the templates in \. \(partials\/paragraph\.hbs\) failed: The partial no-such-partial could not be found/,
    );
  });
});

// ---- through the CLI -------------------------------------------------------------------------------

const BIN = join(ROOT, 'bin', 'tor.js');

function tor(args: readonly string[], cwd: string) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
  return { status, stdout, stderr };
}

function kentWith(config: string, files: Record<string, string> = {}): string {
  const dir = join(tempDir(), 'kent');
  cpSync(join(ROOT, 'examples', 'kent'), dir, { recursive: true });
  writeFileSync(join(dir, 'tor.config.yaml'), config);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('tor build --format html with templates and branding', () => {
  it('applies the templates folder and the branding, and copies the logo', () => {
    const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const dir = kentWith('templates: look\nbranding:\n  name: KSCMP\n  logo: images/Logo.SVG\n  accent: "#005a30"\n', {
      'look/partials/strong.hbs': '<b class="strong">{{text}}</b>',
      'images/Logo.SVG': logo,
    });
    const run = tor(['build', '.', '--format', 'html'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = join(dir, 'dist');
    expect(readdirSync(out).sort()).toEqual(['.tor-build', 'executive-board.html', 'index.html', 'logo.svg']);
    expect(readFileSync(join(out, 'logo.svg'), 'utf8')).toBe(logo);
    const page = readFileSync(join(out, 'executive-board.html'), 'utf8');
    expect(page).toContain('--accent:#005a30;');
    expect(page).toContain('<img class="logo" src="logo.svg" alt=""><span>KSCMP</span>');
    expect(page).toContain('<title>Partnership Executive Board Terms of Reference – KSCMP</title>');
  });

  it('writes nothing and exits 1 when the templates are wrong', () => {
    const dir = kentWith('templates: look\n', { 'look/partials/nope.hbs': 'x' });
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', '.tor-build'), '');
    writeFileSync(join(dir, 'dist', 'old.html'), 'previous build');
    const run = tor(['build', '.', '--format', 'html'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nothing written: look\/partials\/nope\.hbs is not a template tor uses/);
    expect(run.stdout).toBe('');
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['.tor-build', 'old.html']);
  });

  it('writes nothing and exits 1 when the logo is missing', () => {
    const dir = kentWith('branding:\n  logo: logo.png\n');
    const run = tor(['build', '.', '--format', 'html'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing written: `branding.logo` in tor.config.yaml names logo.png, but there is no such file');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('refuses an accent colour with too little contrast as a configuration error', () => {
    const dir = kentWith('branding:\n  accent: "#ffcc00"\n');
    const run = tor(['build', '.', '--format', 'html'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('`branding.accent` #ffcc00 has a contrast ratio of 1.5:1 against white; links and the header\'s white text need at least 4.5:1 (WCAG 2.2 AA).');
    expect(run.stderr).toContain('config/invalid');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
