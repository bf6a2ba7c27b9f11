// Builds the playground: a static page in playground/dist/ that runs the compiler core in the
// browser. Two scripts, both classic (IIFE), so the page also works when opened from file://,
// where module scripts are refused: playground.js (the editor, the core, the templates) and
// examples.js (the example partnerships' sources, kept apart so the bundle's size is measured
// without them). Type-checking is `npx tsc -p playground --noEmit` (tests/playground runs it).
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const here = join(root, 'playground');
const out = join(here, 'dist');
const EXAMPLES = [
  { id: 'isle-of-wight', title: 'Isle of Wight' },
  { id: 'gloucestershire', title: 'Gloucestershire' },
  { id: 'kent', title: 'Kent' },
];

/** `.tor` files below a folder, relative to it and in path order, as `tor check` reads a folder. */
async function torFiles(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith('.tor'))
    .map((e) => relative(folder, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(folder, path), 'utf8') })));
}

/** tor's templates as one module, `tor:templates`: `layout.hbs` and every `partials/*.hbs`, by name. */
const templatesPlugin = {
  name: 'tor-templates',
  setup(b) {
    b.onResolve({ filter: /^tor:templates$/ }, () => ({ path: 'templates', namespace: 'tor-templates' }));
    b.onLoad({ filter: /.*/, namespace: 'tor-templates' }, async () => {
      const dir = join(root, 'templates');
      const templates = { layout: await readFile(join(dir, 'layout.hbs'), 'utf8') };
      for (const file of (await readdir(join(dir, 'partials'))).filter((f) => f.endsWith('.hbs')).sort()) {
        templates[file.replace(/\.hbs$/, '')] = await readFile(join(dir, 'partials', file), 'utf8');
      }
      return { contents: `export default ${JSON.stringify(templates)};`, loader: 'js', watchFiles: [dir] };
    });
  },
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ['playground/src/main.ts'],
  outfile: join(out, 'playground.js'),
  bundle: true,
  format: 'iife',
  // The browser platform: a Node built-in reached from the page fails the build here.
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  plugins: [templatesPlugin],
  logLevel: 'warning',
});

const examples = await Promise.all(EXAMPLES.map(async (e) => ({ ...e, files: await torFiles(join(root, 'examples', e.id)) })));
// `<` escaped so no source text can close the script element.
const examplesJs = `window.torExamples=${JSON.stringify(examples).replace(/</g, '\\u003c')};\n`;
await writeFile(join(out, 'examples.js'), examplesJs);
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
await copyFile(join(here, 'playground.css'), join(out, 'playground.css'));

const sizes = await Promise.all(['playground.js', 'playground.css', 'index.html', 'examples.js'].map(async (name) => {
  const bytes = await readFile(join(out, name));
  return { name, bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const page = sizes.filter((s) => s.name !== 'examples.js').reduce((sum, s) => sum + s.gzipped, 0);
for (const s of sizes) console.log(`  ${s.name.padEnd(16)} ${kb(s.bytes).padStart(11)}  ${kb(s.gzipped).padStart(10)} gzipped`);
console.log(`playground/dist: ${kb(page)} gzipped without the examples (budget 1024 KiB)`);
await writeFile(join(out, 'sizes.json'), `${JSON.stringify({ files: sizes, pageGzipped: page }, null, 2)}\n`);
