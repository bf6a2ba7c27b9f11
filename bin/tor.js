#!/usr/bin/env node
// The installed `tor` command: runs the bundle that `npm run build` (or `npm install`) makes.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('tor: not built — run npm run build\n');
  process.exitCode = 2;
}
