// Bundles the CLI into one file: a single bundle starts about four times faster than
// running the sources through tsx (see shared/design/stack.md). Type-checking is `tsc --noEmit`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

await build({
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Commander is CommonJS and calls require('node:events'); an ESM bundle has no `require` unless we make one.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
