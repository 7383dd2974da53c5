/** The known name closest to a mistyped one, or undefined when none is close enough. */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  // No field name is near this long: comparing a huge key would take seconds for nothing.
  if (typed.length > MAX_COMPARED_LENGTH) return undefined;
  const wanted = normalize(typed);
  if (!wanted) return undefined;
  const allowed = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of known) {
    const normalized = normalize(candidate);
    // "firstname" → "first_name", "FirstName" → "first_name"
    if (normalized === wanted) return candidate;
    // Names whose lengths differ by more than the allowed distance cannot be close enough.
    let score = Math.abs(normalized.length - wanted.length) > allowed ? Infinity : editDistance(wanted, normalized);
    // "value" → "attribute_value", "id" stays unmatched: a suffix after an underscore.
    if (wanted.length >= 4 && candidate.toLowerCase().endsWith('_' + typed.toLowerCase())) score = Math.min(score, 1);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return bestScore <= allowed ? best : undefined;
}

const MAX_COMPARED_LENGTH = 64;

function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function editDistance(a: string, b: string): number {
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
