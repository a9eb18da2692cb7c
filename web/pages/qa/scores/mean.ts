/** The mean QA score of the agents listed who have one (hundredths), null when none has. */
export function meanScore(rows: readonly { score: number | null }[]): number | null {
  const scored = rows.flatMap((r) => (r.score === null ? [] : [r.score]));
  if (scored.length === 0) return null;
  return Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 100) / 100;
}
