import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/**
 * A 20-character id that sorts by creation time (ms timestamp, a per-ms sequence, then
 * randomness), so audit rows and histories order correctly on every dialect without a
 * database sequence.
 */
export function newId(): string {
  const now = Date.now();
  if (now === lastMs) seq += 1;
  else {
    lastMs = now;
    seq = 0;
  }
  return (
    now.toString(36).padStart(9, '0') +
    seq.toString(36).padStart(3, '0') +
    randomBytes(5).toString('hex').slice(0, 8)
  );
}
