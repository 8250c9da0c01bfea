import { cached } from './formatters.js';

// Time zones by the names people use, and the hour on their clock. Apart from formatters.ts, so a
// first load that shows none of them carries none.

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
