import type { LoadedFacts } from '../controllers/policy-decision.js';
import { formatTime, viewerTimeZone } from '../format/formatters.js';
import { dayKey, formatDay } from '../format/days.js';
import { formatList } from '../format/lists.js';
import { formatMoney } from '../format/money.js';
import { yieldToMain } from './yield-to-main.js';

/**
 * Creates the `Intl` formatters a decided form is likely to use (money in the session's currency,
 * lists, days and times in the viewer's and the session's zones), a few per task, so that the first
 * render of the form does not create them: the first of each costs milliseconds, tens on a slow
 * phone, and together they made that render one long task. Formatters are cached, so a guess that
 * is never used costs only its creation. Resolves with whether it created any (false: warmed before).
 */
export async function warmFormatters(locale: string, facts: LoadedFacts): Promise<boolean> {
  const { session } = facts;
  const zones = [viewerTimeZone(), session?.timeZone ?? facts.therapist.timeZone ?? 'UTC'];
  const key = [locale, session?.price.currency, ...zones].join('|');
  if (warmed.has(key)) return false;
  warmed.add(key);
  const now = new Date().toISOString();
  if (session) formatMoney(0, session.price.currency, locale);
  formatList(['a', 'b'], locale);
  for (const zone of new Set(zones)) {
    await yieldToMain();
    dayKey(now, zone);
    formatDay(now, locale, zone);
    formatTime(now, locale, zone);
  }
  return true;
}

/** The locales, currencies and zones warmed already: later decisions find their formatters made. */
const warmed = new Set<string>();
