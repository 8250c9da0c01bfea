/** How long one attempt may take unless `timeoutMs` says otherwise: 10 seconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The longest a timer can wait (setTimeout's limit, 2³¹ − 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * `ms`, when it is a usable timeout: a whole number of milliseconds from 1 to {@link MAX_TIMEOUT_MS}.
 * Anything else (NaN, Infinity, 0, a negative, a fraction) would end every call at once.
 * @throws RangeError naming `name` and the value.
 */
export function checkedTimeoutMs(ms: number, name = 'timeoutMs'): number {
  if (Number.isInteger(ms) && ms >= 1 && ms <= MAX_TIMEOUT_MS) return ms;
  throw new RangeError(`${name} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${String(ms)}`);
}
