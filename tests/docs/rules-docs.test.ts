import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedRuleDocs, RULE_DOCS_DIR } from '../../scripts/docs.js';

/** docs/rules/ is generated from the rule metadata; this keeps it in step with the catalogue. */

const FIX = 'run `npm run docs` to regenerate docs/rules/';

describe('docs/rules', () => {
  const expected = expectedRuleDocs();
  const present = existsSync(RULE_DOCS_DIR) ? readdirSync(RULE_DOCS_DIR).filter((n) => n.endsWith('.md')) : [];

  it('has a page for every rule, and the index', () => {
    const missing = [...expected.keys()].filter((name) => !present.includes(name));
    expect(missing, `missing pages: ${missing.join(', ')} — ${FIX}`).toEqual([]);
  });

  it('has no page for a rule that does not exist', () => {
    const extra = present.filter((name) => !expected.has(name));
    expect(extra, `pages for no rule: ${extra.join(', ')} — ${FIX}`).toEqual([]);
  });

  it('has every page up to date', () => {
    const stale = [...expected].filter(([name, text]) => present.includes(name) && readFileSync(join(RULE_DOCS_DIR, name), 'utf8') !== text).map(([name]) => name);
    expect(stale, `stale pages: ${stale.join(', ')} — ${FIX}`).toEqual([]);
  });
});
