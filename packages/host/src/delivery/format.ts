import { dateFormat } from './date-formats.js';
import { zoneName } from './zone-name.js';

/** Intl's narrow and thin no-break spaces ("2:00\u202fPM", "2:00\u2009–\u20092:50") as plain ones: an SMS stays in the GSM alphabet's spaces and tests and mail clients read them alike. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

/** A session's time span (ISO instants). */
export interface TimeSpan {
  readonly startsAt: string;
  readonly endsAt: string;
}

/** "Tuesday, 8 December 2026, 14:00–14:50, Central European Time (Berlin)" in the reader's zone and locale. */
export function formatSpan(span: TimeSpan, timeZone: string, locale: string): string {
  const start = new Date(span.startsAt);
  const range = dateFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' }).formatRange(
    start,
    new Date(span.endsAt),
  );
  return plainSpaces(`${range}, ${zoneName(timeZone, locale, start)}`);
}

/** Only the clock times of a span ("20:00–20:50"), with the date when it falls on another day there than in `otherZone`. */
export function formatSpanBeside(span: TimeSpan, timeZone: string, locale: string, otherZone: string): string {
  const start = new Date(span.startsAt);
  const day = (zone: string) => dateFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(start);
  const options: Intl.DateTimeFormatOptions =
    day(timeZone) === day(otherZone)
      ? { timeZone, timeStyle: 'short' }
      : { timeZone, dateStyle: 'medium', timeStyle: 'short' };
  const range = dateFormat(locale, options).formatRange(start, new Date(span.endsAt));
  return plainSpaces(`${range}, ${zoneName(timeZone, locale, start)}`);
}

/** Whether two people would read the same clock time and zone name for an instant. */
export function sameLocalTime(at: string, zoneA: string, zoneB: string, locale: string): boolean {
  const format = (zone: string) =>
    `${dateFormat(locale, { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(at))} ${zoneName(zone, locale, new Date(at))}`;
  return zoneA === zoneB || format(zoneA) === format(zoneB);
}

/** "Tue, 8 Dec, 14:00" for subjects and SMS, in the reader's zone. */
export function formatShort(at: string, timeZone: string, locale: string): string {
  return plainSpaces(
    dateFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(at)),
  );
}

/** "Tuesday, 8 December 2026, 14:00, Central European Time (Berlin)": a deadline in the reader's zone. */
export function formatInstant(at: string, timeZone: string, locale: string): string {
  const date = new Date(at);
  return plainSpaces(
    `${dateFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(date)}, ${zoneName(timeZone, locale, date)}`,
  );
}

/** An amount in minor units (as the contract carries money) in the locale: 8000 GBP → "£80.00", "80,00 £". */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return plainSpaces(format.format(amount / 10 ** digits));
}
