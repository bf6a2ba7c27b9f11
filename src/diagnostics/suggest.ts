/** Edit distance with transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * The candidate closest to `input`, if it is close enough to be what was meant:
 * at most a third of the longer word's letters differ (and at least one may).
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    const limit = Math.max(1, Math.floor(Math.max(input.length, candidate.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** "did you mean `x`?" or nothing. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const best = closest(input, candidates);
  return best === undefined ? '' : ` — did you mean \`${best}\`?`;
}

/**
 * For a line that starts with an unknown phrase: the known phrase that best matches the
 * line's first words (as many words as the phrase has).
 */
export function closestLeadingPhrase(line: string, phrases: readonly string[]): string | undefined {
  const words = line.trim().split(/\s+/);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const phrase of phrases) {
    const n = phrase.split(' ').length;
    const head = words.slice(0, n).join(' ').replace(/:$/, '');
    const distance = editDistance(head, phrase);
    const limit = Math.max(1, Math.floor(Math.max(head.length, phrase.length) / 3));
    if (distance <= limit && distance / phrase.length < bestScore) {
      best = phrase;
      bestScore = distance / phrase.length;
    }
  }
  return best;
}
