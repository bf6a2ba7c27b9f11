import type { Severity } from '../diagnostics/diagnostic.js';
import type { SarifRule } from '../diagnostics/sarif.js';
import { EDITIONS, type ActFlag, type RuleMeta } from '../rules/rule.js';

/**
 * Every way a rule is described to people — `tor rules`, `tor explain`, docs/rules/*.md and
 * SARIF rule entries — made from its metadata alone, so they cannot disagree. Pure.
 */

const ACT = "Children's Wellbeing and Schools Act 2026";

export function editionYears(meta: RuleMeta): number[] {
  return meta.editions.map((e) => EDITIONS[e].year);
}

/** `Working Together 2018, 2023 and 2026`. */
export function editionsText(meta: RuleMeta): string {
  return `Working Together ${listAnd(editionYears(meta).map(String))}`;
}

/** The citation, saying "not confirmed" where the reference could not confirm the primary text. */
export function citationText(meta: RuleMeta): string {
  return meta.confirmed || /not confirmed/i.test(meta.citation) ? meta.citation : `${meta.citation} (not confirmed)`;
}

/** Only for rules on duties of the 2026 Act not yet in force. */
export function commencementText(meta: RuleMeta): string | undefined {
  const c = meta.commencement;
  if (!c) return undefined;
  const until = c.before === 'off' ? 'until then it is off' : `until then its findings are ${BEFORE[c.before]}`;
  return `applies in full once ${section(c.flag)} of the ${ACT} is in force (\`tor check --enable ${c.flag}\`, or \`commenced:\` in tor.config.yaml); ${until}.`;
}

/** `tor rules`: one line per rule, in columns. */
export function rulesTable(metas: readonly RuleMeta[]): string {
  const rows = [['id', 'severity', 'editions', 'description'], ...metas.map((m) => [m.id, `${m.severity}${m.commencement ? '*' : ''}`, listComma(editionYears(m).map(String)), m.description])];
  const widths = [0, 1, 2].map((col) => Math.max(...rows.map((r) => r[col]!.length)));
  const lines = rows.map((r) => r.map((cell, col) => (col < 3 ? cell.padEnd(widths[col]!) : cell)).join('  '));
  if (metas.some((m) => m.commencement)) lines.push('', '* until a duty of the 2026 Act is in force; `tor explain <id>` says more.');
  return lines.join('\n');
}

/** `tor rules --format json`. */
export function rulesJson(metas: readonly RuleMeta[]): string {
  return JSON.stringify(
    metas.map((m) => ({
      id: m.id,
      severity: m.severity,
      editions: editionYears(m),
      description: m.description,
      citation: m.citation,
      confirmed: m.confirmed,
      rationale: m.rationale,
      ...(m.commencement ? { commencement: { flag: m.commencement.flag, before: m.commencement.before } } : {}),
    })),
    null,
    2,
  );
}

/** `tor explain <id>`: the rule's documentation for the terminal, wrapped to 80 columns. */
export function explainText(meta: RuleMeta): string {
  const facts: [string, string][] = [
    ['severity', meta.severity],
    ['editions', editionsText(meta)],
  ];
  const commencement = commencementText(meta);
  if (commencement) facts.push(['commencement', commencement]);
  facts.push(['citation', citationText(meta)]);
  const width = Math.max(...facts.map(([k]) => k.length)) + 2;
  return [
    meta.id,
    '',
    wrap(meta.description, 80),
    '',
    ...facts.map(([k, v]) => `  ${k.padEnd(width)}${wrap(v, 78 - width, ' '.repeat(width + 2))}`),
    '',
    wrap(meta.rationale, 80),
    '',
    'To change its severity, in tor.config.yaml (off, info, warn or error):',
    '  rules:',
    `    ${meta.id}: warn`,
    'To set one finding aside, on the line before it:',
    `  # tor-ignore ${meta.id}: <reason>`,
  ].join('\n');
}

/** docs/rules/<id>.md */
export function ruleMarkdown(meta: RuleMeta): string {
  const rows: [string, string][] = [
    ['Severity', meta.severity],
    ['Editions', editionsText(meta)],
  ];
  const commencement = commencementText(meta);
  if (commencement) rows.push(['Commencement', capitalise(commencement)]);
  rows.push(['Citation', citationText(meta)]);
  return [
    GENERATED,
    '',
    `# \`${meta.id}\``,
    '',
    meta.description,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`),
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## Configure',
    '',
    'In `tor.config.yaml` at the project root:',
    '',
    '```yaml',
    'rules:',
    `  ${meta.id}: warn # or off, info, error`,
    '```',
    '',
    `To set one finding aside, with the reason on the record, write \`# tor-ignore ${meta.id}: <reason>\` on the line before it.`,
    '',
  ].join('\n');
}

/** docs/rules/README.md: the index. */
export function rulesIndexMarkdown(metas: readonly RuleMeta[]): string {
  return [
    GENERATED,
    '',
    '# Rules',
    '',
    'Every rule `tor check` applies, from the rules\' own metadata. `tor rules` prints this list and',
    '`tor explain <id>` one rule; `npm run docs` regenerates these pages.',
    '',
    '| Rule | Severity | Editions | What it checks |',
    '|---|---|---|---|',
    ...metas.map((m) => `| [\`${m.id}\`](${m.id}.md) | ${m.severity}${m.commencement ? ' (see page)' : ''} | ${listComma(editionYears(m).map(String))} | ${cell(m.description)} |`),
    '',
  ].join('\n');
}

/** Every page of docs/rules, by file name. */
export function ruleDocs(metas: readonly RuleMeta[]): Map<string, string> {
  const pages = new Map<string, string>([['README.md', rulesIndexMarkdown(metas)]]);
  for (const m of metas) pages.set(`${m.id}.md`, ruleMarkdown(m));
  return pages;
}

export function sarifRules(metas: readonly RuleMeta[]): SarifRule[] {
  return metas.map((m) => ({
    id: m.id,
    description: m.description,
    rationale: m.rationale,
    help: citationText(m),
    severity: m.severity,
    properties: { editions: editionYears(m), ...(m.commencement ? { commencement: m.commencement.flag } : {}) },
  }));
}

const GENERATED = '<!-- Generated by `npm run docs` from the rule metadata in src/rules/. Do not edit. -->';

function section(flag: ActFlag): string {
  return `section ${flag.replace(/^cwsa26\.s/, '')}`;
}

const BEFORE: Readonly<Record<Severity, string>> = { error: 'errors', warning: 'warnings', info: 'information only' };

/** A table cell: pipes would end it and newlines would break the row. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listComma(items: readonly string[]): string {
  return items.join(', ');
}

function listAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Greedy word wrap; every line after the first starts with `indent`. */
function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}
