/**
 * Builds many projects one after another in one Node process, as `tor build` does each:
 * `node --import tsx bench/build-all.ts <formats> <out-root> <report.json> <path>...`.
 * Run by bench/run.ts in a child process, so the file lists and diagnostics the builds print
 * stay out of the benchmark's own output. Writes the wall time of every build, and the exit
 * codes, to <report.json>; the process's own start-up is in the parent's figure, not here.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from '../src/cli/build.js';

const [formats, outRoot, report, ...paths] = process.argv.slice(2);
if (!formats || !outRoot || !report || paths.length === 0) throw new Error('usage: build-all.ts <formats> <out-root> <report.json> <path>...');

const ms: number[] = [];
const exitCodes: number[] = [];
for (const path of paths) {
  const t0 = performance.now();
  exitCodes.push(await build(path, { out: join(outRoot, basename(path, '.tor')), format: formats.split(','), color: false }));
  ms.push(performance.now() - t0);
}
writeFileSync(report, JSON.stringify({ ms, exitCodes }));
