import { cached, viewerTimeZone } from './formatters.js';

// Calendar days: a day heading, a sortable day key, a date, and date arithmetic. Apart from
// formatters.ts, so a first load that shows none of them carries none.

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
