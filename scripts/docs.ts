/**
 * Writes docs/rules/: one page per rule and README.md, an index, made from the rules'
 * metadata alone (src/cli/rule-docs.ts), so the output depends only on the catalogue and
 * is the same on every run. Pages of rules that no longer exist are removed.
 * Run with `npm run docs`; tests/docs/rules-docs.test.ts fails when the folder is out of date.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleDocs } from '../src/cli/rule-docs.js';
import { catalogue } from '../src/rules/catalogue.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const RULE_DOCS_DIR = join(ROOT, 'docs', 'rules');

/** The pages docs/rules should hold, by file name. */
export function expectedRuleDocs(): Map<string, string> {
  return ruleDocs(catalogue.map((r) => r.meta));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pages = expectedRuleDocs();
  mkdirSync(RULE_DOCS_DIR, { recursive: true });
  for (const name of readdirSync(RULE_DOCS_DIR)) {
    if (name.endsWith('.md') && !pages.has(name)) rmSync(join(RULE_DOCS_DIR, name));
  }
  for (const [name, text] of pages) writeFileSync(join(RULE_DOCS_DIR, name), text);
  console.log(`wrote ${pages.size} pages to ${RULE_DOCS_DIR}`);
}
