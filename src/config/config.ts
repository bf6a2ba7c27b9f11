import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import { ACT_FLAGS, editionOfYear, type ActFlag, type EditionCode } from '../rules/rule.js';
import type { SeverityOverride } from '../rules/validate.js';
import { compileGlob } from './glob.js';
import type { Closure } from '../cadence/calendar.js';
import { readClosures } from '../cadence/closures.js';
import { accentProblem, isHexColour } from '../backends/html/colour.js';

/**
 * tor.config.yaml, checked. Pure: the CLI reads and parses the file and passes the value
 * here with a way to locate keys in it, so every problem points at the key it is about.
 * The keys are described for editors in schema.json; the two must agree (a test says so).
 */

export interface Config {
  /** Check against this edition instead of the one the partnership declares. */
  edition?: EditionCode;
  /** Per-rule severities; `warn` in the file is `warning` here. */
  severities: Record<string, SeverityOverride>;
  /** Glob patterns of files, relative to the project root, that `tor check` skips. */
  ignore: string[];
  /** Duties of the 2026 Act treated as in force. */
  commenced: ActFlag[];
  /** Folders outside the project, relative to its root, from which `include` may read files. */
  includeFrom?: string[];
  /** Local non-working days that `tor schedule` skips like bank holidays (checked in src/cadence/closures.ts). */
  closures?: Closure[];
  /** A folder of handlebars templates, relative to the project root, over tor's own (`tor build --format html`). */
  templates?: string;
  /** The name, logo and accent colour of the published pages. */
  branding?: BrandingConfig;
}

export interface BrandingConfig {
  /** Shown in the page header and titles instead of the partnership's name. */
  name?: string;
  /** An image file, relative to the project root, copied into the output. */
  logo?: string;
  /** `#rrggbb`, with a contrast of at least 4.5:1 against white. */
  accent?: string;
}

export const CONFIG_FILE = 'tor.config.yaml';

/** A key's place in the file: `['rules', 'quorum-members-only']`, `['ignore', 2]`. */
export type ConfigPath = readonly (string | number)[];

/** Where in the file `path` is: its key (to name it) or its value (to show what is wrong with it). */
export type Locate = (path: ConfigPath, part: 'key' | 'value') => Span;

export interface ConfigResult {
  /** The valid parts of the file: a bad entry is reported and left out, not guessed at. */
  config: Config;
  diagnostics: Diagnostic[];
}

export function emptyConfig(): Config {
  return { severities: {}, ignore: [], commenced: [] };
}

const YEARS = [2018, 2023, 2026] as const;
const LEVELS: Readonly<Record<string, SeverityOverride>> = { off: 'off', info: 'info', warn: 'warning', error: 'error' };

type Checker = (value: unknown, config: Config, report: Reporter, ruleIds: readonly string[]) => void;
type Reporter = (path: ConfigPath, part: 'key' | 'value', message: string, hint?: string) => void;

/** One checker per key. */
const KEYS: Readonly<Record<string, Checker>> = {
  edition: checkEdition,
  rules: checkRules,
  ignore: checkIgnore,
  commenced: checkCommenced,
  closures: (value, config, report) => {
    config.closures = readClosures(value, (path, part, message, hint) => report(['closures', ...path], part, message, hint));
  },
  templates: checkTemplates,
  branding: checkBranding,
  'include-from': checkIncludeFrom,
};

export function parseConfig(value: unknown, ruleIds: readonly string[], locate: Locate = atStart(CONFIG_FILE)): ConfigResult {
  const config = emptyConfig();
  const diagnostics: Diagnostic[] = [];
  const report: Reporter = (path, part, message, hint) => {
    const span = locate(path, part);
    const d: Diagnostic = { code: 'config/invalid', severity: 'error', message, file: span.file, start: span.start, end: span.end };
    if (hint !== undefined) d.hint = hint;
    diagnostics.push(d);
  };
  // An empty file (or one of comments) is an empty configuration.
  if (value === null || value === undefined) return { config, diagnostics };
  if (!isRecord(value)) {
    report([], 'value', `${CONFIG_FILE} must be a mapping of keys such as \`edition:\` and \`rules:\`.`, 'For example:\nedition: 2023\nrules:\n  quorum-members-only: warn');
    return { config, diagnostics };
  }
  const known = Object.keys(KEYS);
  for (const [key, entry] of Object.entries(value)) {
    // Own keys only: `toString:` must not find Object.prototype.toString.
    const checker = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (checker) checker(entry, config, report, ruleIds);
    else report([key], 'key', `\`${key}\` is not a configuration key${suggest(key, known)}`, `The keys are ${listAnd(known.map(code))}.`);
  }
  return { config, diagnostics };
}

function checkEdition(value: unknown, config: Config, report: Reporter): void {
  const edition = typeof value === 'number' ? editionOfYear(value) : undefined;
  if (edition) {
    config.edition = edition;
    return;
  }
  const hint = 'Write the year of the Working Together edition to check against, e.g. `edition: 2023`.';
  // `edition: "2023"` is text to YAML; say so rather than "must be 2023, not 2023".
  if (typeof value === 'string' && editionOfYear(Number(value))) report(['edition'], 'value', `\`edition\` must be a number: write \`edition: ${value}\` without quotes.`);
  else report(['edition'], 'value', `\`edition\` must be ${listOr(YEARS.map(String))}${not(value)}.`, hint);
}

function checkRules(value: unknown, config: Config, report: Reporter, ruleIds: readonly string[]): void {
  if (!isRecord(value)) {
    report(['rules'], 'value', '`rules` must be a mapping of rule ids to off, info, warn or error.', 'For example:\nrules:\n  quorum-members-only: warn');
    return;
  }
  for (const [id, level] of Object.entries(value)) {
    const name = `rules.${id}`;
    if (!ruleIds.includes(id)) {
      report(['rules', id], 'key', `\`${name}\` is not a rule${suggest(id, ruleIds)}`, '`tor rules` lists the rule ids.');
      continue;
    }
    const severity = typeof level === 'string' && Object.hasOwn(LEVELS, level) ? LEVELS[level] : undefined;
    if (severity) config.severities[id] = severity;
    else report(['rules', id], 'value', `\`${name}\` must be off, info, warn or error${not(level)}${typeof level === 'string' ? suggest(level, Object.keys(LEVELS)) : '.'}`);
  }
}

function checkIgnore(value: unknown, config: Config, report: Reporter): void {
  if (!Array.isArray(value)) {
    report(['ignore'], 'value', '`ignore` must be a list of glob patterns.', 'For example:\nignore:\n  - drafts/**\n  - archive/*.tor');
    return;
  }
  value.forEach((pattern: unknown, i) => {
    const name = `ignore[${i}]`;
    const problem = patternProblem(pattern);
    if (problem) report(['ignore', i], 'value', `\`${name}\` ${problem}`);
    else config.ignore.push(pattern as string);
  });
}

/** Why `pattern` cannot be an ignore pattern, as the end of a sentence naming it; undefined if it can. */
function patternProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || pattern === '') return `must be a glob pattern such as \`drafts/**\`${not(pattern)}.`;
  if (pattern.startsWith('/')) return 'must be relative to the project folder: drop the leading `/`.';
  if (pattern.split('/').includes('..')) return 'leaves the project folder: patterns are relative to it and cannot use `..`.';
  const glob = compileGlob(pattern);
  return glob.ok ? undefined : `is not a glob pattern: ${glob.reason}.`;
}

function checkCommenced(value: unknown, config: Config, report: Reporter): void {
  const duties = listOr(ACT_FLAGS.map(code));
  if (!Array.isArray(value)) {
    report(['commenced'], 'value', `\`commenced\` must be a list of duties of the Children's Wellbeing and Schools Act 2026: ${duties}.`, 'For example:\ncommenced:\n  - cwsa26.s2');
    return;
  }
  value.forEach((flag: unknown, i) => {
    const name = `commenced[${i}]`;
    if (!ACT_FLAGS.includes(flag as ActFlag)) {
      report(['commenced', i], 'value', `\`${name}\` must be ${duties}${not(flag)}${typeof flag === 'string' ? suggest(flag, ACT_FLAGS) : '.'}`);
    } else if (config.commenced.includes(flag as ActFlag)) {
      report(['commenced', i], 'value', `\`${name}\` repeats \`${String(flag)}\`.`, 'Remove the repeat.');
    } else {
      config.commenced.push(flag as ActFlag);
    }
  });
}

function checkTemplates(value: unknown, config: Config, report: Reporter): void {
  if (typeof value === 'string' && value.trim() !== '') config.templates = value;
  else report(['templates'], 'value', `\`templates\` must be a folder of handlebars templates, relative to the project folder${not(value)}.`, 'For example: `templates: templates` (layout.hbs and partials/<name>.hbs in it).');
}

function checkIncludeFrom(value: unknown, config: Config, report: Reporter): void {
  if (!Array.isArray(value)) {
    report(['include-from'], 'value', '`include-from` must be a list of folders outside the project that `include` may read from.', 'For example:\ninclude-from:\n  - ../shared-organisations');
    return;
  }
  const folders: string[] = [];
  value.forEach((folder: unknown, i) => {
    if (typeof folder === 'string' && folder.trim() !== '') folders.push(folder);
    else report(['include-from', i], 'value', `\`include-from[${i}]\` must be a folder, relative to the project folder${not(folder)}.`, 'For example: `- ../shared-organisations`.');
  });
  config.includeFrom = folders;
}

const BRANDING_KEYS = ['name', 'logo', 'accent'] as const;
const LOGO_TYPES = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp'];

function checkBranding(value: unknown, config: Config, report: Reporter): void {
  if (!isRecord(value)) {
    report(['branding'], 'value', '`branding` must be a mapping of name, logo and accent.', 'For example:\nbranding:\n  name: Isle of Wight Safeguarding Children Partnership\n  logo: logo.png\n  accent: "#1d70b8"');
    return;
  }
  const branding: BrandingConfig = {};
  for (const [key, entry] of Object.entries(value)) {
    const path = ['branding', key];
    switch (key) {
      case 'name':
        if (typeof entry === 'string' && entry.trim() !== '') branding.name = entry;
        else report(path, 'value', `\`branding.name\` must be the name to show on the pages${not(entry)}.`, 'For example: `name: Isle of Wight Safeguarding Children Partnership`.');
        break;
      case 'logo': {
        const type = typeof entry === 'string' ? (/\.[A-Za-z]+$/.exec(entry)?.[0] ?? '').toLowerCase() : '';
        if (typeof entry === 'string' && LOGO_TYPES.includes(type)) branding.logo = entry;
        else report(path, 'value', `\`branding.logo\` must be an image file (${LOGO_TYPES.join(', ')}), relative to the project folder${not(entry)}.`, 'For example: `logo: images/logo.png`.');
        break;
      }
      case 'accent': {
        const problem = accentProblem(entry);
        if (problem) report(path, 'value', `${problem.message}${typeof entry === 'string' && isHexColour(entry) ? '' : not(entry)}.`, problem.hint);
        else branding.accent = entry as string;
        break;
      }
      default:
        report(path, 'key', `\`branding.${key}\` is not a branding key${suggest(key, BRANDING_KEYS)}`, `The keys are ${listAnd(BRANDING_KEYS.map(code))}.`);
    }
  }
  config.branding = branding;
}

/** Problems located at the top of the file, for callers that cannot locate keys. */
export function atStart(file: string): Locate {
  const start = { line: 1, column: 1, offset: 0 };
  return () => ({ file, start, end: start });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ` — did you mean `x`?`, or `end` when nothing is close. */
function suggest(input: string, candidates: readonly string[], end = '.'): string {
  // A prefix catches what edit distance misses: `warning` for `warn`.
  const best = closest(input, candidates) ?? candidates.find((c) => input.startsWith(c));
  return best === undefined ? end : ` — did you mean \`${best}\`?`;
}

/** `, not `x`` naming what was written, or nothing when nothing was (`key:` with no value). */
function not(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  return `, not \`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function code(text: string): string {
  return `\`${text}\``;
}

function listAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function listOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
