import { cached } from './formatters.js';

// Lists in the locale's own words. Apart from formatters.ts, so a first load that shows none of
// them carries none.

/** "email, text message and a phone call", in the locale's own words for "and". */
export function formatList(items: readonly string[], locale: string): string {
  return cached(`l|${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);
}
