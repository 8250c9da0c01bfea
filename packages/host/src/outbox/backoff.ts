/** The first retry's delay: 30 s, doubled per attempt. */
export const RETRY_BASE_MS = 30_000;
/** No retry waits longer than an hour. */
export const RETRY_CAP_MS = 60 * 60_000;

/**
 * When to try again after `attempts` failed attempts: `min(30 s · 2ⁿ⁻¹, 1 h)`, with "full jitter"
 * (a random share of it, at least half) so rows that failed together do not retry together.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
