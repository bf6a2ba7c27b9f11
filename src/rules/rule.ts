import type { Severity, Span } from '../diagnostics/diagnostic.js';
import type { Model } from '../model/model.js';

/** Editions of Working Together to Safeguard Children. */
export type EditionCode = 'wt18' | 'wt23' | 'wt26';

/** Duties of the Children's Wellbeing and Schools Act 2026 that start on dates set by regulations. */
export type ActFlag = 'cwsa26.s2' | 'cwsa26.s3';

export const EDITIONS: Record<EditionCode, { year: 2018 | 2023 | 2026; title: string }> = {
  wt18: { year: 2018, title: 'Working Together to Safeguard Children 2018' },
  wt23: { year: 2023, title: 'Working Together to Safeguard Children 2023' },
  wt26: { year: 2026, title: 'Working Together to Safeguard Children 2026' },
};

export const ALL_EDITIONS: readonly EditionCode[] = ['wt18', 'wt23', 'wt26'];
export const ACT_FLAGS: readonly ActFlag[] = ['cwsa26.s2', 'cwsa26.s3'];

export function editionOfYear(year: number): EditionCode | undefined {
  return ALL_EDITIONS.find((e) => EDITIONS[e].year === year);
}

/** A calendar date without a time zone: "today" is always given, never read from a clock. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface RuleMeta {
  /** Stable kebab-case id, used in config, suppressions and output. */
  id: string;
  editions: readonly EditionCode[];
  /** error: the guidance or statute says must; warning: should; info: local good practice. */
  severity: Severity;
  /** Chapter and paragraph, or the statute; says so when the paragraph is not confirmed. */
  citation: string;
  /** False where the reference could not confirm the primary text. */
  confirmed: boolean;
  /** One line: what the rule checks. */
  description: string;
  /** Why, and what the model can and cannot check. */
  rationale: string;
  /** A duty not yet in force: on with the flag; before that, `before` (a severity, or off). */
  commencement?: { flag: ActFlag; before: Severity | 'off' };
}

export interface RuleContext {
  model: Model;
  edition: EditionCode;
  /** Absent when the caller gave no date: rules about dates then say nothing. */
  today: CivilDate | undefined;
  flags: ReadonlySet<ActFlag>;
}

export interface Finding {
  span: Span;
  message: string;
  hint?: string;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): Finding[];
}

export function defineRule(meta: RuleMeta, check: (context: RuleContext) => Finding[]): Rule {
  return { meta, check };
}
