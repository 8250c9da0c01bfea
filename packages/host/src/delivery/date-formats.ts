/** Making an `Intl.DateTimeFormat` costs far more than using one (about 0.1 ms): keep one per locale and options. */
const formats = new Map<string, Intl.DateTimeFormat>();
const LIMIT = 2000;

/** A cached `Intl.DateTimeFormat` for these locale and options. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    // Zones and locales come from data: a bound keeps a host with many of them from growing without end.
    if (formats.size >= LIMIT) formats.clear();
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
