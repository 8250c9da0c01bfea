// Whether strings are ISO dates, instants and IANA zones: what schemas check. Apart from time.ts's
// arithmetic, so a page checking data does not load it.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

