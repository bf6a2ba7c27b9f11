import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../backends/html/html.js';

/**
 * The playground's page code uses the DOM, which the root tsconfig leaves out (the core must not
 * depend on a browser), so it is checked with its own tsconfig: playground/tsconfig.json.
 */
describe('the playground type-checks', () => {
  it('tsc -p playground --noEmit reports nothing', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', 'playground', '--noEmit'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
