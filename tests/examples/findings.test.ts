import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import type { EditionCode } from '../../src/rules/rule.js';
import { EXAMPLES, exampleFiles } from '../helpers.js';

/**
 * Each example's README lists its findings in ```findings own``` (the declared edition) and
 * ```findings 2026``` blocks, as `severity rule file:line`. The validator must give exactly
 * those, so a change in a rule's behaviour shows up here and in the README together.
 */
const TODAY = { year: 2026, month: 11, day: 24 };

function listed(example: string, which: 'own' | '2026'): string[] {
  const readme = readFileSync(join('examples', example, 'README.md'), 'utf8');
  const block = new RegExp('```findings ' + which + '\\n([\\s\\S]*?)```').exec(readme);
  if (!block) throw new Error(`examples/${example}/README.md has no findings ${which} block`);
  return block[1]!.split('\n').filter((l) => l.trim() !== '').sort();
}

function found(example: string, edition: EditionCode | undefined): string[] {
  const result = compile(exampleFiles(example), { validate: edition ? { edition, today: TODAY } : { today: TODAY } });
  return result.diagnostics.map((d) => `${d.severity} ${d.code} ${basename(d.file)}:${d.start.line}`).sort();
}

describe.each(EXAMPLES)('examples/%s', (example) => {
  it('gives exactly the findings its README lists for its own edition', () => {
    expect(found(example, undefined)).toEqual(listed(example, 'own'));
  });
  it('gives exactly the findings its README lists against Working Together 2026', () => {
    expect(found(example, 'wt26')).toEqual(listed(example, '2026'));
  });
});
