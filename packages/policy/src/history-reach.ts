import { findFactCondition } from './find-fact-condition.js';
import type { Rule } from './rule-file-schema.js';

const DAY_MS = 86_400_000;

/**
 * Days added to the longest window before history is trimmed. A window starts at the same local
 * time N calendar days before `now` in a zone, which is N × 24 h give or take the zone's change
 * of offset over those days: an hour for a clock change, a whole day where a zone moved across the
 * date line. Two days covers every offset change there has been.
 */
const TRIM_MARGIN_DAYS = 2;

/**
 * How many days of history the rules can reach: the longest `cancellationsInWindow` window any
 * condition counts or any frequency warning reports, or `Infinity` when a rule reads the history
 * itself (`history.length`, in a condition or a description), since every entry then counts.
 */
export function historyReachDays(rules: readonly Rule[]): number {
  let longest = 0;
  for (const rule of rules) {
    // `{history.length}` (erring on the safe side for any text that starts like it).
    if (rule.description.includes('{history')) return Infinity;
    // A search that never finds: it visits every comparison.
    let readsHistory = false;
    findFactCondition(rule.conditions, (c) => {
      readsHistory ||= c.fact === 'history';
      if (c.fact === 'cancellationsInWindow' && c.params) longest = Math.max(longest, c.params.days);
      return false;
    });
    if (readsHistory) return Infinity;
    if (rule.event.type === 'frequency-warning') longest = Math.max(longest, rule.event.params.windowDays);
  }
  return longest;
}

/**
 * The calendar date an entry was written with (`YYYY-MM-DD`, its first ten characters), when it
 * reads as one without validation; otherwise `undefined`. Comparing dates as strings spares
 * parsing every instant of a long history: an instant's own date is within a day of its UTC date.
 */
function entryDate(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== 'object' || !Object.hasOwn(entry, 'at')) return undefined;
  const at: unknown = (entry as { at: unknown }).at;
  return typeof at === 'string' && at.length >= 10 && at[4] === '-' && at[7] === '-' ? at.slice(0, 10) : undefined;
}

/** A plain object of own data properties: what trimming may copy without changing what validation sees. */
function isPlainData(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(Object.getOwnPropertyDescriptors(value)).every((d) => 'value' in d);
}

/**
 * The facts without the history entries no rule can reach: those dated more than `reachDays`
 * (plus {@link TRIM_MARGIN_DAYS}, plus a day for the entry's own offset) before `now`. It runs
 * before validation, on whatever the caller passed, so it drops only what it can place for
 * certain: an entry whose date or whose `now` cannot be read is kept, and validation reports it.
 * The input is never modified.
 */
export function trimHistory(input: unknown, reachDays: number): unknown {
  if (reachDays === Infinity || input === null || typeof input !== 'object' || !Object.hasOwn(input, 'history') || !isPlainData(input)) return input;
  const { history, now } = input as { history: unknown; now?: unknown };
  const nowMs = typeof now === 'string' ? Date.parse(now) : NaN;
  if (!Array.isArray(history) || Number.isNaN(nowMs)) return input;
  const earliestMs = nowMs - (reachDays + TRIM_MARGIN_DAYS + 1) * DAY_MS;
  // Before 1970 nothing is trimmed; after 9999 the date reads `+010000-…`, before every entry's.
  if (!(earliestMs > 0)) return input;
  const earliest = new Date(earliestMs).toISOString().slice(0, 10);
  const reachable = (history as unknown[]).filter((entry) => {
    const date = entryDate(entry);
    return date === undefined || date >= earliest;
  });
  return reachable.length === history.length ? input : { ...input, history: reachable };
}
