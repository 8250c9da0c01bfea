/**
 * Time arithmetic with nothing but `Intl`: instants are compared in real milliseconds, and
 * calendar-day windows are counted on the wall clock of a time zone, so a window that crosses a
 * daylight-saving change still starts at the same local time of day.
 */

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function validDate(y: string, m: string, d: string): boolean {
  const t = new Date(Date.UTC(+y, +m - 1, +d));
  return t.getUTCFullYear() === +y && t.getUTCMonth() === +m - 1 && t.getUTCDate() === +d;
}

/** An ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`), e.g. `2027-03-28T10:00:00+01:00`. */
export function isIsoInstant(value: string): boolean {
  const m = ISO_INSTANT.exec(value);
  return m !== null && validDate(m[1]!, m[2]!, m[3]!) && +m[4]! < 24 && +m[5]! < 60 && +(m[6] ?? 0) < 60;
}

/** A calendar date `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && validDate(m[1]!, m[2]!, m[3]!);
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone, reused: creating an `Intl.DateTimeFormat` is the slow part. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

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
