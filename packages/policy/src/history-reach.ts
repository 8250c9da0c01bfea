import { findFactCondition } from './find-fact-condition.js';
import { isPlainArray, isPlainObject, ownField } from './json-data.js';
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
 * reads as one without validation (an own data field, never a getter); otherwise `undefined`.
 * Comparing dates as strings spares parsing every instant of a long history: an instant's own date
 * is within a day of its UTC date.
 */
function entryDate(entry: unknown): string | undefined {
  const at = typeof entry === 'object' && entry !== null ? ownField(entry, 'at') : undefined;
  return typeof at === 'string' && at.length >= 10 && at[4] === '-' && at[7] === '-' ? at.slice(0, 10) : undefined;
}

/**
 * The facts without the history entries no rule can reach: those dated more than `reachDays`
 * (plus {@link TRIM_MARGIN_DAYS}, plus a day for the entry's own offset) before `now`. It runs
 * before validation, on whatever the caller passed, so it drops only what it can place for
 * certain: an entry whose date or whose `now` cannot be read is kept, and validation reports it;
 * facts or a history that are not plain data (a getter, a hole) are left as they are, for
 * validation to refuse. The input is never modified.
 */
export function trimHistory(input: unknown, reachDays: number): unknown {
  // Only own data fields, so the copy below ({...input}) runs no getter and drops nothing validation would see.
  if (
    reachDays === Infinity ||
    !isPlainObject(input) ||
    !Object.values(Object.getOwnPropertyDescriptors(input)).every((d) => 'value' in d)
  )
    return input;
  const { history, now } = input;
  const nowMs = typeof now === 'string' ? Date.parse(now) : NaN;
  if (!isPlainArray(history) || Number.isNaN(nowMs)) return input;
  const earliestMs = nowMs - (reachDays + TRIM_MARGIN_DAYS + 1) * DAY_MS;
  // Before 1970 nothing is trimmed; after 9999 the date reads `+010000-…`, before every entry's.
  if (!(earliestMs > 0)) return input;
  const earliest = new Date(earliestMs).toISOString().slice(0, 10);
  const reachable: unknown[] = [];
  // A loop rather than `history.filter`, which a list's own `filter` or `constructor` could replace.
  for (let index = 0; index < history.length; index++) {
    // A hole or an inherited item: validation must see the list as given.
    if (!Object.hasOwn(history, index)) return input;
    const entry: unknown = history[index];
    const date = entryDate(entry);
    if (date !== undefined && date < earliest) continue;
    // A kept entry is validated in the copy, so it must be the own data value validation would see in place.
    if (ownField(history, index) !== entry) return input;
    reachable.push(entry);
  }
  return reachable.length === history.length ? input : { ...input, history: reachable };
}
