import { cached } from './formatters.js';

// Amounts of money, from minor units. Apart from formatters.ts, so a first load that shows none of
// them carries none.

/** "£65.00" from minor units. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const formatter = cached(
    `m|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amount / 10 ** digits);
}
