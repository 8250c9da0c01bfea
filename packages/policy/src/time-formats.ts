// Whether strings are ISO dates, instants and IANA zones: what schemas check (facts, rule files and
// the host API contract all use these). Apart from time.ts's arithmetic, so a page checking data
// does not load it. Exact: every field is in range (no month 13, April 31st, hour 24, leap second
// 60 or offset +24:00), so every accepted string is one instant that `Date.parse` reads the same
// in every engine, never NaN.

// One pattern for both: a date, then optionally a time and an offset. Month, day, hours, minutes,
// seconds and the offset's fields are in range by the pattern itself; only the day of the month
// (April 31st, February 29th) and the year need code.
const ISO =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;

/**
 * What `value` is: a date, an instant, or neither (`undefined`). Years 0100–9999 only: the day
 * arithmetic (time.ts) uses Date.UTC, which reads years 0–99 as 1900–1999, so earlier years are
 * refused rather than miscounted.
 */
function isoKind(value: string): 'date' | 'instant' | undefined {
  const m = ISO.exec(value);
  // The day exists when Date.UTC does not carry it over into the next month.
  if (m === null || +m[1]! < 100 || new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).getUTCDate() !== +m[3]!)
    return undefined;
  return m[4] === undefined ? 'date' : 'instant';
}

/**
 * An ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`), e.g. `2027-03-28T10:00:00+01:00`:
 * a real calendar date (years 0100–9999), a time from 00:00:00 to 23:59:59 (fractions to
 * nanoseconds) and an offset from -23:59 to +23:59.
 */
export function isIsoInstant(value: string): boolean {
  return isoKind(value) === 'instant';
}

/** A calendar date `YYYY-MM-DD` that exists (no February 30th), in years 0100–9999. */
export function isIsoDate(value: string): boolean {
  return isoKind(value) === 'date';
}

/** A date (as {@link isIsoDate}) or an instant (as {@link isIsoInstant}). */
export function isIsoDateOrInstant(value: string): boolean {
  return isoKind(value) !== undefined;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone, reused: creating an `Intl.DateTimeFormat` is the slow part. */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
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
