// "Did you mean": the closest known name to a misspelt one, as BuildKit suggests it and as the syntax rules do.

/** BuildKit's suggestion: the closest option at Levenshtein distance < 3 (case-sensitive), or undefined. */
export function suggestName(name: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    if (option === name) return undefined;
    const d = levenshtein(name, option, bestDistance);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, or `limit` as soon as it is certain to be at least that. */
export function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Edit distance counting a swap of neighbours as one edit (FORM → FROM, chwon → chown). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name closest to a misspelt one, when it is close enough to be a typo (one edit in short words, two in longer). */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  if (lower.length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = (lower.length <= 4 ? 1 : 2) + 1;
  for (const candidate of known) {
    const d = distance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
