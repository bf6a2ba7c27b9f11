import type { Diagnostic, Severity } from './diagnostic.js';

/**
 * SARIF 2.1.0 (OASIS), the format code-scanning services read: one run of tor, every rule
 * described in `tool.driver.rules`, one result per diagnostic. Pure, like the other printers;
 * the caller supplies the rule descriptions so this layer does not depend on the rules.
 */

/** What SARIF needs to know of a rule. */
export interface SarifRule {
  id: string;
  /** One line. */
  description: string;
  /** Why the rule exists. */
  rationale?: string;
  /** Where it comes from: the guidance or statute. */
  help?: string;
  severity: Severity;
  /** Extra facts for viewers that show rule properties (editions, commencement). */
  properties?: Record<string, unknown>;
}

export interface SarifOptions {
  toolVersion: string;
  informationUri?: string;
  rules: readonly SarifRule[];
  /** Run-level facts, e.g. the edition checked against. */
  properties?: Record<string, unknown>;
}

type Level = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, Level>> = { error: 'error', warning: 'warning', info: 'note' };

/** Codes that are not validator rules, described by family so every result has a rule entry. */
const FAMILIES: ReadonlyArray<readonly [prefix: string, description: string]> = [
  ['syntax/', 'A line of a .tor file could not be read.'],
  ['resolve/', 'A name or reference in the sources does not match anything defined.'],
  ['load/', 'A file or an `include` could not be loaded.'],
  ['suppression/', 'A `# tor-ignore` comment is malformed or silences nothing.'],
  ['config/', 'tor.config.yaml is not valid.'],
  ['edition-undeclared', 'The partnership does not say which edition of Working Together it follows.'],
];

export function sarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const rules = options.rules.map(descriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Codes outside the catalogue (parse, resolve, load…) get entries too, in a fixed order.
  const extra = [...new Set(diagnostics.map((d) => d.code).filter((code) => !index.has(code)))].sort();
  for (const code of extra) {
    index.set(code, rules.length);
    const severity = diagnostics.find((d) => d.code === code)?.severity ?? 'error';
    rules.push(descriptor({ id: code, description: describeCode(code), severity }));
  }
  const driver: Record<string, unknown> = { name: 'tor', version: options.toolVersion, semanticVersion: options.toolVersion };
  if (options.informationUri !== undefined) driver['informationUri'] = options.informationUri;
  driver['rules'] = rules;
  const run: Record<string, unknown> = {
    tool: { driver },
    columnKind: 'utf16CodeUnits',
    results: diagnostics.map((d) => result(d, index.get(d.code))),
  };
  if (options.properties !== undefined) run['properties'] = options.properties;
  const log = {
    $schema: 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
  return JSON.stringify(log, null, 2);
}

function descriptor(rule: SarifRule): Record<string, unknown> {
  const out: Record<string, unknown> = { id: rule.id, shortDescription: { text: rule.description } };
  if (rule.rationale !== undefined) out['fullDescription'] = { text: rule.rationale };
  if (rule.help !== undefined) out['help'] = { text: rule.help };
  out['defaultConfiguration'] = { level: LEVEL[rule.severity] };
  if (rule.properties !== undefined) out['properties'] = rule.properties;
  return out;
}

function result(d: Diagnostic, ruleIndex: number | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: d.code };
  if (ruleIndex !== undefined) out['ruleIndex'] = ruleIndex;
  out['level'] = LEVEL[d.severity];
  out['message'] = { text: d.hint === undefined ? d.message : `${d.message}\nHelp: ${d.hint}` };
  out['locations'] = [
    {
      physicalLocation: {
        artifactLocation: { uri: toUri(d.file) },
        // tor's end is exclusive, which is what SARIF's endColumn means too.
        region: { startLine: d.start.line, startColumn: d.start.column, endLine: d.end.line, endColumn: d.end.column },
      },
    },
  ];
  return out;
}

/** A relative path as a URI reference: each segment percent-encoded, so spaces and `#` survive. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function describeCode(code: string): string {
  const family = FAMILIES.find(([prefix]) => code.startsWith(prefix));
  return family ? family[1] : `Reported by tor: ${code}.`;
}
