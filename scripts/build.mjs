// Bundles the CLI into one file: a single bundle starts about four times faster than
// running the sources through tsx (see shared/design/stack.md). Type-checking is `tsc --noEmit`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Chunk names carry a hash of their content: without a clean start, every change would leave
// the chunks it replaced behind.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// The compiler core alone, as one module: what the benchmark measures and a browser can load.
// Built for the browser platform, so a Node-only import in the core fails the build.
await build({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/core.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
});

await build({
  absWorkingDir: root,
  // Split into chunks: commands loaded with import() stay out of the module `tor check` parses at start-up.
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Commander is CommonJS and calls require('node:events'); an ESM bundle has no `require` unless we make one.
  // Named apart, so a module of ours that imports createRequire itself does not clash with it.
  banner: { js: "import { createRequire as createBannerRequire } from 'node:module'; const require = createBannerRequire(import.meta.url);" },
  // pdfkit reads its font metrics and colour profile from files beside its own code, so it
  // cannot be bundled; the PDF backend requires it and fontkit when a PDF is asked for.
  external: ['pdfkit', 'fontkit'],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
