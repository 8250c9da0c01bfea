import type { Facts } from './facts-schema.js';
import { calendarDaysBefore, dayNumber, dayNumberInZone, hoursBetween } from './time.js';

/** The facts the package computes from validated input facts. */
export interface DerivedFacts {
  /** Real hours from `now` to the session's start (negative once it has started); absent without a session. */
  readonly hoursUntilStart: number | undefined;
  /** Whether `now` is at or after the session's start. */
  readonly sessionStarted: boolean | undefined;
  /**
   * Days still away: from today (or the absence's start, if later) to the return date, in the
   * therapist's calendar. 0 when no absence is given; absent when the return date is unknown.
   */
  readonly daysUnavailable: number | undefined;
  /**
   * The therapist's cancellations and rearrangements in the last `days` calendar days (in the
   * session's time zone), counting this action when it is itself a cancel or a reschedule.
   */
  cancellationsInWindow(days: number): number;
}

/** The zone calendar windows are counted in: the session's, else the therapist's, else UTC. */
export function calendarZone(facts: Facts): string {
  return facts.session?.timeZone ?? facts.therapist.timeZone ?? 'UTC';
}

function daysUnavailable(facts: Facts, nowMs: number, zone: string): number | undefined {
  const request = facts.request ?? {};
  if (request.unavailableUntil === undefined) {
    return request.certainty === 'unsure' || request.unavailableFrom !== undefined ? undefined : 0;
  }
  const today = dayNumberInZone(nowMs, zone);
  const from = request.unavailableFrom === undefined ? today : Math.max(today, dayNumber(request.unavailableFrom));
  return Math.max(0, dayNumber(request.unavailableUntil) - from);
}

/** Computes the derived facts once per evaluation; window counts are memoised per length. */
export function deriveFacts(facts: Facts): DerivedFacts {
  const nowMs = Date.parse(facts.now);
  const zone = calendarZone(facts);
  const startMs = facts.session ? Date.parse(facts.session.startsAt) : undefined;
  const history = facts.history ?? [];
  const thisOne = facts.action === 'cancel' || facts.action === 'reschedule' ? 1 : 0;
  const windows = new Map<number, number>();
  return {
    hoursUntilStart: startMs === undefined ? undefined : hoursBetween(nowMs, startMs),
    sessionStarted: startMs === undefined ? undefined : nowMs >= startMs,
    daysUnavailable: daysUnavailable(facts, nowMs, zone),
    cancellationsInWindow(days: number): number {
      let count = windows.get(days);
      if (count === undefined) {
        const startOfWindow = calendarDaysBefore(nowMs, days, zone);
        count = thisOne;
        for (const entry of history) {
          const at = Date.parse(entry.at);
          if (at > startOfWindow && at <= nowMs) count++;
        }
        windows.set(days, count);
      }
      return count;
    },
  };
}
