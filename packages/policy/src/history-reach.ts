import type { Condition, Rule } from './rule-file-schema.js';
import { parsePlaceholders } from './template.js';

const DAY_MS = 86_400_000;
/** The earliest instant a `Date` holds. */
const MIN_DATE_MS = -8.64e15;

/**
 * Days added to the longest window before history is trimmed. A window starts at the same local
 * time N calendar days before `now` in a zone, which is N × 24 h give or take the zone's change
 * of offset over those days: an hour for a clock change, a whole day where a zone moved across the
 * date line. Two days covers every offset change there has been.
 */
export const TRIM_MARGIN_DAYS = 2;

/** Every fact comparison in a condition tree, iteratively (trees can be deep). */
function* factConditions(root: Condition): Generator<Extract<Condition, { fact: string }>> {
  const stack: Condition[] = [root];
  while (stack.length > 0) {
    const condition = stack.pop()!;
    if ('all' in condition) stack.push(...condition.all);
    else if ('any' in condition) stack.push(...condition.any);
    else if ('not' in condition) stack.push(condition.not);
    else yield condition;
  }
}

/**
 * How many days of history the rules can reach: the longest `cancellationsInWindow` window any
 * condition counts or any frequency warning reports, or `Infinity` when a rule reads the history
 * itself (`history.length`, in a condition or a description), since every entry then counts.
 */
export function historyReachDays(rules: readonly Rule[]): number {
  let longest = 0;
  for (const rule of rules) {
    if (parsePlaceholders(rule.description).some(({ name }) => name === 'history' || name.startsWith('history.'))) return Infinity;
    for (const condition of factConditions(rule.conditions)) {
      if (condition.fact === 'history') return Infinity;
      if (condition.fact === 'cancellationsInWindow' && condition.params) longest = Math.max(longest, condition.params.days);
    }
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
  if (!(earliestMs >= MIN_DATE_MS)) return input;
  const earliest = new Date(earliestMs).toISOString().slice(0, 10);
  if (!/^\d{4}-/.test(earliest)) return input; // a year outside 0000–9999 does not compare as text
  const reachable = (history as unknown[]).filter((entry) => {
    const date = entryDate(entry);
    return date === undefined || date >= earliest;
  });
  return reachable.length === history.length ? input : { ...input, history: reachable };
}
