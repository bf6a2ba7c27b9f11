/**
 * Small helpers for generated English: numbers under ten in words, lists joined with "and",
 * ordinals, capitals. Pure.
 */

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'] as const;

/** 3 → "three", 12 → "12": numbers under ten are written in words. */
export function numberWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 10 ? NUMBER_WORDS[n]! : String(n);
}

/** 1 → "first", 12 → "12th". */
export function ordinal(n: number): string {
  if (n >= 1 && n <= ORDINALS.length) return ORDINALS[n - 1]!;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "a", "a and b", "a, b and c" (or "or"). */
export function listAnd(items: readonly string[], word = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** "3 years" → "three years"; "1 year" → "one year". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${numberWords(n)} ${n === 1 ? singular : plural}`;
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** An anchor id from a title: lower case letters, digits and hyphens. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}
