/**
 * `Intl` formatters, created once per locale and zone and reused: the first one costs tens of
 * milliseconds, later ones almost nothing.
 */
type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat;

const cache = new Map<string, Formatter>();

/** The formatter `make` makes, made once per `key` (a kind, a locale, a zone), shared by every widget. */
export function cached<T extends Formatter>(key: string, make: () => T): T {
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
