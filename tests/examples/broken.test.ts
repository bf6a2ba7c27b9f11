import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { catalogue } from '../../src/rules/catalogue.js';

/**
 * examples/broken/ holds one project per error-severity rule: a file, or a folder when the
 * rule needs a tor.config.yaml (a commenced duty). Each declares `# expect: <rule-id>` and
 * must give exactly that one error when checked by the CLI.
 */
const DIR = join('examples', 'broken');

function cases(): Array<{ entry: string; expected: string }> {
  return readdirSync(DIR)
    .sort()
    .map((name) => {
      const entry = join(DIR, name);
      const source = statSync(entry).isDirectory() ? join(entry, 'partnership.tor') : entry;
      const expected = /^# expect: (\S+)/m.exec(readFileSync(source, 'utf8'))?.[1] ?? '';
      return { entry, expected };
    });
}

function errorsOf(entry: string): string[] {
  const run = spawnSync(process.execPath, ['bin/tor.js', 'check', entry, '--format', 'json', '--today', '2026-11-24'], { encoding: 'utf8' });
  const diagnostics = JSON.parse(run.stdout) as Diagnostic[];
  return diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

describe('examples/broken', () => {
  it.each(cases().map((c) => [c.entry, c.expected] as const))('%s gives exactly %s', (entry, expected) => {
    expect(errorsOf(entry)).toEqual([expected]);
  });

  it('has a case for every error-severity rule', () => {
    const covered = new Set(cases().map((c) => c.expected));
    const errorRules = catalogue.filter((r) => r.meta.severity === 'error').map((r) => r.meta.id);
    expect(errorRules.filter((id) => !covered.has(id))).toEqual([]);
  });
});
