import type { Slot } from '@raincheck/host-api/client';
import { cached } from '../format/formatters.js';

// Where a slot sits on the wall calendar of a zone: its day (a day number, so days subtract) and
// its minute of the day. The slot picker groups, pages and suggests by these.

const MS_PER_DAY = 86_400_000;

const clock = (timeZone: string) =>
  cached(
    `slot-clock|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
  );

/** A slot on the wall calendar of one zone. */
export interface PlacedSlot {
  readonly slot: Slot;
  /** Days since 1970-01-01 of the slot's date on the zone's calendar. */
  readonly day: number;
  /** Minutes since midnight on the zone's clock. */
  readonly minute: number;
}

/** The day number and minute of the day of `iso` on the clock in `timeZone`. */
export function wallClock(iso: string, timeZone: string): { day: number; minute: number } {
  const parts = Object.fromEntries(
    clock(timeZone)
      .formatToParts(Date.parse(iso))
      .map((part) => [part.type, part.value]),
  );
  const day = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / MS_PER_DAY;
  return { day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** `slot` placed on the calendar of `timeZone`. */
export function place(slot: Slot, timeZone: string): PlacedSlot {
  return { slot, ...wallClock(slot.startsAt, timeZone) };
}

/** Midnight UTC of a day number: for formatting the date alone (in `timeZone: 'UTC'`). */
export function dayDate(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** The locale's first day of the week, 1 (Monday) to 7 (Sunday); Monday when the browser cannot say. */
function firstDayOfWeek(locale: string): number {
  // Asked once per locale: the picker asks for every slot, and each `Intl.Locale` costs.
  return (firstDays[locale] ??= readFirstDayOfWeek(locale));
}

/** What {@link firstDayOfWeek} found, by locale. */
const firstDays: Record<string, number> = Object.create(null) as Record<string, number>;

function readFirstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** The day number the week holding `day` starts on, by the locale's first day of the week. */
export function weekStart(day: number, locale: string): number {
  // 1970-01-01 was a Thursday: ISO weekday 4.
  const isoWeekday = ((day + 3) % 7) + 1;
  return day - ((isoWeekday - firstDayOfWeek(locale) + 7) % 7);
}
