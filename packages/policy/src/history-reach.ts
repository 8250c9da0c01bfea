import type { Condition, Rule } from './rule-file-schema.js';
import { parsePlaceholders } from './template.js';

const DAY_MS = 86_400_000;

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

/** The instant an entry was made, when it is readable without validation; otherwise `NaN`. */
function entryTime(entry: unknown): number {
  if (entry === null || typeof entry !== 'object' || !Object.hasOwn(entry, 'at')) return NaN;
  const at: unknown = (entry as { at: unknown }).at;
  return typeof at === 'string' ? Date.parse(at) : NaN;
}

/** A plain object of own data properties: what trimming may copy without changing what validation sees. */
function isPlainData(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(Object.getOwnPropertyDescriptors(value)).every((d) => 'value' in d);
}

/**
 * The facts with only the history entries a rule can reach: those from `reachDays` (plus
 * {@link TRIM_MARGIN_DAYS}) before `now` up to `now`. It runs before validation, on whatever the
 * caller passed, so it drops only what it can place for certain: an entry whose time or whose
 * `now` cannot be read is kept, and validation reports it. The input is never modified.
 */
export function trimHistory(input: unknown, reachDays: number): unknown {
  if (reachDays === Infinity || input === null || typeof input !== 'object' || !Object.hasOwn(input, 'history') || !isPlainData(input)) return input;
  const { history, now } = input as { history: unknown; now?: unknown };
  const nowMs = typeof now === 'string' ? Date.parse(now) : NaN;
  if (!Array.isArray(history) || Number.isNaN(nowMs)) return input;
  const earliest = nowMs - (reachDays + TRIM_MARGIN_DAYS) * DAY_MS;
  const reachable = (history as unknown[]).filter((entry) => {
    const at = entryTime(entry);
    return !(at < earliest || at > nowMs);
  });
  return reachable.length === history.length ? input : { ...input, history: reachable };
}
