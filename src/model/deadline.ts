import { NUMBER_WORDS } from '../syntax/tokens.js';
import type { Deadline, DeadlineUnit, DutyKind } from './model.js';

const NUMBER = `\\d{1,3}|${[...NUMBER_WORDS.keys()].join('|')}|a|an`;
const DEADLINE = new RegExp(
  `\\b(?:(at least|no later than|not later than|not less than|no less than|no more than|not more than|within|up to)\\s+)?` +
    `(${NUMBER})\\s+(calendar\\s+|working\\s+)?(days?|weeks?)\\s+` +
    `(before|after|in advance of|prior to|following|of)\\s+(?:the|each)\\s+meeting\\b`,
  'i',
);

const UNITLESS = new RegExp(`\\b(?:${NUMBER})\\s+(?:before|after|in advance of|prior to|following)\\s+(?:the|each)\\s+meeting\\b`, 'i');

/**
 * A deadline written without its unit ("5 before the meeting"): the phrase, when a duty has one
 * and findDeadline found no deadline in it. Days, working days or weeks cannot be guessed.
 */
export function findUnitlessDeadline(text: string): string | undefined {
  return UNITLESS.exec(text)?.[0];
}

/**
 * Reads the deadline a duty states relative to its meeting ("at least three weeks before
 * the meeting", "within 10 working days of the meeting"). The sentence stays as written;
 * this only finds the fact in it.
 */
export function findDeadline(text: string): Deadline | undefined {
  const m = DEADLINE.exec(text);
  if (!m) return undefined;
  const [phrase, bound, amountText, qualifier, unitText, relationText] = m as unknown as [string, string | undefined, string, string | undefined, string, string];
  const relationWord = relationText.toLowerCase();
  // "of the meeting" says when only after "within".
  if (relationWord === 'of' && bound?.toLowerCase() !== 'within') return undefined;
  const lower = amountText.toLowerCase();
  const amount = /^\d+$/.test(lower) ? Number(lower) : (NUMBER_WORDS.get(lower) ?? 1);
  const week = unitText.toLowerCase().startsWith('week');
  const unit: DeadlineUnit = week ? 'week' : qualifier?.toLowerCase().startsWith('working') ? 'working day' : 'day';
  const relation = relationWord === 'after' || relationWord === 'following' || relationWord === 'of' ? 'after' : 'before';
  return { amount, unit, relation, bound: bound?.toLowerCase(), phrase };
}

/** Minutes, else papers, else agenda: the kind of document a duty is about. */
export function dutyKind(text: string): DutyKind {
  const lower = text.toLowerCase();
  if (/\bminutes\b/.test(lower)) return 'minutes';
  if (/\bpapers\b/.test(lower)) return 'papers';
  if (/\bagendas?\b/.test(lower)) return 'agenda';
  return 'other';
}
