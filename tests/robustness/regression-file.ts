import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An input that once made tor fail, kept so it never fails again. JSON rather than a
 * `.tor` file, because a JavaScript string can hold what UTF-8 cannot (a lone surrogate).
 */
export interface Regression {
  /** What went wrong, in a sentence. */
  failed: string;
  /** Whether the input is a valid file (then it must also parse, format and round-trip). */
  valid: boolean;
  /** The file's path when it failed; with `project`, the file of that example it replaces. */
  path: string;
  /** The example folder the file was compiled with, if any. */
  project?: string;
  /** How the fuzzer made it. */
  mutator?: string;
  seed?: number;
  text: string;
}

export const REGRESSIONS = join('tests', 'robustness', 'regressions');

export function loadRegressions(dir = REGRESSIONS): Array<{ name: string; regression: Regression }> {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, regression: JSON.parse(readFileSync(join(dir, name), 'utf8')) as Regression }));
}

/** Writes the regression under a name that says what failed; returns the file's path. */
export function saveRegression(name: string, regression: Regression, dir = REGRESSIONS): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.json`);
  writeFileSync(file, `${JSON.stringify(regression, null, 2)}\n`);
  return file;
}
