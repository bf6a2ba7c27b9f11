import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';
import { catalogue } from './catalogue.js';
import { EDITIONS, editionOfYear, type ActFlag, type CivilDate, type EditionCode, type Rule } from './rule.js';

export type SeverityOverride = Severity | 'off';

export interface ValidateOptions {
  /** Check against this edition instead of the one the partnership declares. */
  edition?: EditionCode;
  today?: CivilDate;
  /** Duties of the 2026 Act treated as commenced. */
  commenced?: readonly ActFlag[];
  /** Per-rule severities from configuration. */
  severities?: Readonly<Record<string, SeverityOverride>>;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  /** The edition the rules were applied for. */
  edition: EditionCode;
}

/** The edition that applies when neither the caller nor the partnership says. */
export const CURRENT_EDITION: EditionCode = 'wt26';

/** Runs every rule that applies to the edition, at its configured severity. */
export function validate(model: Model, options: ValidateOptions = {}): ValidateResult {
  const declared = model.partnership.edition === undefined ? undefined : editionOfYear(model.partnership.edition);
  const edition = options.edition ?? declared ?? CURRENT_EDITION;
  const flags = new Set(options.commenced ?? []);
  const diagnostics: Diagnostic[] = [];
  if (!options.edition && !declared) {
    const span = model.partnership.span;
    diagnostics.push({
      code: 'edition-undeclared',
      severity: 'info',
      message: `The partnership does not say which edition of Working Together it follows, so it is checked against ${EDITIONS[edition].title}.`,
      file: span.file,
      start: span.start,
      end: span.start,
      hint: 'Add e.g. `follows Working Together 2023` to the partnership.',
    });
  }
  for (const rule of catalogue) {
    const severity = effectiveSeverity(rule, edition, flags, options.severities);
    if (severity === 'off') continue;
    for (const finding of rule.check({ model, edition, today: options.today, flags })) {
      const d: Diagnostic = {
        code: rule.meta.id,
        severity,
        message: finding.message,
        file: finding.span.file,
        start: finding.span.start,
        end: finding.span.end,
        citation: rule.meta.citation,
      };
      if (finding.hint !== undefined) d.hint = finding.hint;
      diagnostics.push(d);
    }
  }
  return { diagnostics, edition };
}

function effectiveSeverity(rule: Rule, edition: EditionCode, flags: ReadonlySet<ActFlag>, overrides: ValidateOptions['severities']): SeverityOverride {
  if (!rule.meta.editions.includes(edition)) return 'off';
  const configured = overrides?.[rule.meta.id];
  if (configured !== undefined) return configured;
  const commencement = rule.meta.commencement;
  if (commencement && !flags.has(commencement.flag)) return commencement.before;
  return rule.meta.severity;
}
