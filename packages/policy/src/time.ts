/**
 * Time arithmetic with nothing but `Intl`: instants are compared in real milliseconds, and
 * calendar-day windows are counted on the wall clock of a time zone, so a window that crosses a
 * daylight-saving change still starts at the same local time of day.
 */

import { zoneFormatter } from './time-formats.js';

export { isIsoDate, isIsoInstant, isTimeZone } from './time-formats.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The wall-clock time of `ms` in `timeZone`, expressed as if it were UTC. */
function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(ms)) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The instant at which the wall clock of `timeZone` shows `wall` (as if UTC). */
function fromWallClock(wall: number, timeZone: string): number {
  let guess = wall - (wallClock(wall, timeZone) - wall);
  guess = wall - (wallClock(guess, timeZone) - guess);
  return guess;
}

/** The instant `days` calendar days before `ms`, at the same local time of day in `timeZone`. */
export function calendarDaysBefore(ms: number, days: number, timeZone: string): number {
  // The zone's clock is read to the second, so the milliseconds are carried around it.
  const millis = ((ms % 1000) + 1000) % 1000;
  return fromWallClock(wallClock(ms - millis, timeZone) - days * DAY_MS, timeZone) + millis;
}

/** Real hours from `fromMs` to `toMs` (negative when `toMs` is earlier). */
export function hoursBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / HOUR_MS;
}

/**
 * A calendar day number: for a date, that date; for an instant, its date as written in its own
 * offset (`2027-04-04T23:30:00+10:00` is April 4th, wherever it is read).
 */
export function dayNumber(value: string): number {
  return Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10)) / DAY_MS;
}

/** Today's calendar day number in `timeZone` at instant `ms`. */
export function dayNumberInZone(ms: number, timeZone: string): number {
  return Math.floor(wallClock(ms, timeZone) / DAY_MS);
}
