// A time zone as people say it: "Eastern Time (New York)", "Mitteleuropäische Zeit (Berlin)", never
// "America/New_York". Intl names the zone; the city (from the id) tells zones of one name apart.
import { dateFormat } from './date-formats.js';

function intlZoneName(timeZone: string, locale: string, at: Date, style: 'longGeneric' | 'long'): string | undefined {
  return dateFormat(locale, { timeZone, timeZoneName: style })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
}

/** `America/Argentina/Buenos_Aires` → `Buenos Aires`; none for `UTC` or `Etc/GMT+5`. */
function cityOf(timeZone: string): string | undefined {
  if (!timeZone.includes('/') || timeZone.startsWith('Etc/')) return undefined;
  return timeZone.slice(timeZone.lastIndexOf('/') + 1).replaceAll('_', ' ');
}

/** An offset such as `GMT+03:00` is all Intl knows for some zones: not a name anyone says. */
const isBareOffset = (name: string) => /^(GMT|UTC)([+-−]\d{1,2}(:\d{2})?)?$/.test(name);

/**
 * The zone's name in the reader's language, as it is generally called (`Eastern Time`, not `Eastern
 * Standard Time`, which is wrong half the year), with its city when the name does not already say it.
 */
export function zoneName(timeZone: string, locale: string, at: Date): string {
  let name = intlZoneName(timeZone, locale, at, 'longGeneric');
  if (name === undefined || isBareOffset(name)) name = intlZoneName(timeZone, locale, at, 'long') ?? timeZone;
  const city = cityOf(timeZone);
  if (city === undefined || name.includes(city)) return name;
  return `${name} (${city})`;
}
