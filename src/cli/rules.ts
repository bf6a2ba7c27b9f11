import { closest } from '../diagnostics/suggest.js';
import { catalogue, ruleById } from '../rules/catalogue.js';
import { complain, Exit, type ExitCode } from './output.js';
import { explainText, rulesJson, rulesTable } from './rule-docs.js';

/** `tor rules` and `tor explain`: the catalogue, for people deciding what to configure. */

export type RulesFormat = 'table' | 'json';

export function rules(options: { format: RulesFormat }): ExitCode {
  const metas = catalogue.map((r) => r.meta);
  process.stdout.write(`${options.format === 'json' ? rulesJson(metas) : rulesTable(metas)}\n`);
  return Exit.Ok;
}

export function explain(id: string): ExitCode {
  const rule = ruleById(id);
  if (!rule) {
    const best = closest(id, catalogue.map((r) => r.meta.id));
    complain(`\`${id}\` is not a rule${best ? ` — did you mean \`${best}\`?` : ''} (\`tor rules\` lists them)`);
    return Exit.Usage;
  }
  process.stdout.write(`${explainText(rule.meta)}\n`);
  return Exit.Ok;
}
