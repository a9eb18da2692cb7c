import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/**
 * Random bytes are drawn from the system in blocks: one `randomBytes` call per id costs ~10 µs,
 * which an import raising tens of thousands of alerts felt.
 */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

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
  if (poolAt + 4 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += 4;
  return now.toString(36).padStart(9, '0') + seq.toString(36).padStart(3, '0') + pool.toString('hex', poolAt - 4, poolAt);
}
