// Whether strings are ISO dates, instants and IANA zones: what schemas check (facts, rule files and
// the host API contract all use these). Apart from time.ts's arithmetic, so a page checking data
// does not load it. Exact: every field is in range (no month 13, April 31st, hour 24, leap second
// 60 or offset +24:00), so every accepted string is one instant that `Date.parse` reads the same
// in every engine, never NaN.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date that exists, in years 0100–9999: the day arithmetic (time.ts) uses Date.UTC, which reads
 * years 0–99 as 1900–1999, so earlier years are refused rather than miscounted.
 */
function validDate(y: string, m: string, d: string): boolean {
  const t = new Date(Date.UTC(+y, +m - 1, +d));
  return +y >= 100 && t.getUTCFullYear() === +y && t.getUTCMonth() === +m - 1 && t.getUTCDate() === +d;
}

/** Hours 00–23 and minutes 00–59: a time of day, or an offset from UTC. */
const validClock = (hours: string, minutes: string) => +hours < 24 && +minutes < 60;

/**
 * An ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`), e.g. `2027-03-28T10:00:00+01:00`:
 * a real calendar date (years 0100–9999), a time from 00:00:00 to 23:59:59 (fractions to
 * nanoseconds) and an offset from -23:59 to +23:59.
 */
export function isIsoInstant(value: string): boolean {
  const m = ISO_INSTANT.exec(value);
  return (
    m !== null &&
    validDate(m[1]!, m[2]!, m[3]!) &&
    validClock(m[4]!, m[5]!) &&
    +(m[6] ?? 0) < 60 &&
    (m[7] === undefined || validClock(m[7], m[8]!))
  );
}

/** A calendar date `YYYY-MM-DD` that exists (no February 30th), in years 0100–9999. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && validDate(m[1]!, m[2]!, m[3]!);
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

