/**
 * `Intl` formatters, created once per locale and zone and reused: the first one costs tens of
 * milliseconds, later ones almost nothing.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

/** The formatter `make` makes, made once per `key` (a kind, a locale, a zone), shared by every widget. */
export function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** The viewer's own time zone. */
export function viewerTimeZone(): string {
  return cached('zone', () => new Intl.DateTimeFormat()).resolvedOptions().timeZone;
}

/** "Tuesday 29 March 2027, 10:00" in `timeZone` (default: the viewer's). */
export function formatDateTime(iso: string, locale: string, timeZone = viewerTimeZone()): string {
  return cached(
    `dt|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }),
  ).format(Date.parse(iso));
}

/** "10:00" in `timeZone`. */
export function formatTime(iso: string, locale: string, timeZone = viewerTimeZone()): string {
  return cached(
    `t|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }),
  ).format(Date.parse(iso));
}

/** "Tuesday 29 March" in `timeZone`: a day heading. */
export function formatDay(iso: string, locale: string, timeZone = viewerTimeZone()): string {
  return cached(
    `d|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }),
  ).format(Date.parse(iso));
}

/** The calendar day of `iso` in `timeZone`, as a sortable key. */
export function dayKey(iso: string, timeZone = viewerTimeZone()): string {
  return cached(
    `k|${timeZone}`,
    () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
  ).format(Date.parse(iso));
}

/** "£65.00" from minor units. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const formatter = cached(
    `m|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amount / 10 ** digits);
}

/** "email, text message and a phone call", in the locale's own words for "and". */
export function formatList(items: readonly string[], locale: string): string {
  return cached(`l|${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);
}

/** "12 June 2027" for a calendar date (`2027-06-12`), or for an instant's day in `timeZone`. */
export function formatDate(dateOrIso: string, locale: string, timeZone = viewerTimeZone()): string {
  const dateOnly = dateOrIso.length === 10;
  const zone = dateOnly ? 'UTC' : timeZone;
  return cached(
    `date|${locale}|${zone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone }),
  ).format(Date.parse(dateOrIso));
}

/** The calendar date `days` after `date` (`2027-06-12`). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "New York" for `America/New_York`: the city people name a zone by. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replaceAll('_', ' ');
}

/** "Eastern Time" / "Nordamerikanische Ostküstenzeit": the zone's long name in `locale`, at `iso`. */
export function zoneLongName(timeZone: string, locale: string, iso: string): string {
  const parts = cached(
    `zn|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }),
  ).formatToParts(Date.parse(iso));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** The hour (0–23) of `iso` on the clock in `timeZone`. */
export function hourIn(iso: string, timeZone: string): number {
  const parts = cached(
    `h|${timeZone}`,
    () => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }),
  ).formatToParts(Date.parse(iso));
  return Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
}
