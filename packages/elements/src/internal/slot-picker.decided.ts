import { msg, str } from '@lit/localize';
import type { Slot } from '@raincheck/host-api/client';
import { html, nothing, render, type TemplateResult } from 'lit';
import { cached as formatter, formatTime, viewerTimeZone } from '../format/formatters.js';
import { adoptSheet } from './adopt-sheet.js';
import { adoptStyles } from './adopt-styles.js';
import { slotInput, takenHint, type SlotPickerOptions } from './form-templates.js';
import { dayDate, place, wallClock, weekStart, type PlacedSlot } from './slot-picker-calendar.js';
import { suggestedSlots } from './slot-picker-suggestions.js';
import { yieldToMain } from './yield-to-main.js';
import { slotPickerStyles } from './slot-picker.styles.js';

// The therapist's slot picker (cancel, rearrange), loaded once the policy has decided: the times
// nearest the session's first, then the other open times a week at a glance. The client's page keeps the plain
// list of `slotPicker` (a few offered times), so its first load does not carry this.

/** How many times are suggested first: a few to offer (checkboxes) or one to take (radios). */
const SUGGESTED = { several: 4, one: 3 } as const;

export interface CompactSlotPickerOptions extends Omit<SlotPickerOptions, 'extra' | 'aside'> {
  /** When the session being changed starts: the suggestions sit nearest its time of day (none without it). */
  readonly around: string | undefined;
  /** The week of the other times shown: 0 is the first with any (clamped to the last). */
  readonly week: number;
  readonly onWeek: (week: number) => void;
}

/** "Wed 3 Dec": a suggested time's day, short, since the suggestions span several. */
function formatShortDay(iso: string, locale: string, timeZone: string): string {
  return formatter(
    `slot-day|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone }),
  ).format(Date.parse(iso));
}

/**
 * A day's heading: its weekday over its date, beside its times. Long ("Thursday" over "3 December")
 * where there is room, short ("Thu" over "3 Dec") on a phone; the styles show one of the two.
 */
function dayLabel(iso: string, locale: string, timeZone: string): TemplateResult {
  const part = (name: string, options: Intl.DateTimeFormatOptions) =>
    formatter(
      `slot-${name}|${locale}|${timeZone}`,
      () => new Intl.DateTimeFormat(locale, { ...options, timeZone }),
    ).format(Date.parse(iso));
  return html`<span class="day-long"><span class="weekday">${part('weekday', { weekday: 'long' })}</span>
      <span class="date">${part('date', { day: 'numeric', month: 'long' })}</span></span
    ><span class="day-short"><span class="weekday">${part('weekday-short', { weekday: 'short' })}</span>
      <span class="date">${part('date-short', { day: 'numeric', month: 'short' })}</span></span>`;
}

/**
 * Makes before the picker's first render what it would otherwise make in that render's task, a few
 * things per task: its `Intl` formatters in the viewer's zone, its style sheet (parsed, and adopted
 * by `host`) and its templates (Lit prepares each once). That render was most of the decided form's
 * first long task on a slow phone. Resolves with whether it made any (false: made before).
 */
export async function warmSlotPicker(locale: string, host?: unknown): Promise<boolean> {
  adoptSheet(host, slotPickerStyles);
  if (pickerWarmed) return false;
  pickerWarmed = true;
  const zone = viewerTimeZone();
  // One sample time, suggested, then in its week, each rendered into a fragment that is never attached.
  const now = new Date().toISOString();
  const sample: Slot = { id: '', startsAt: now, endsAt: now };
  const none = () => undefined;
  const options: CompactSlotPickerOptions = {
    slots: [sample],
    around: now,
    week: 0,
    onWeek: none,
    withinDays: 1,
    locale,
    multiple: true,
    selected: new Set(),
    legend: '',
    disabled: false,
    onChange: none,
  };
  render(compactSlotPicker(options), document.createDocumentFragment());
  await yieldToMain();
  dayLabel(now, locale, zone);
  await yieldToMain();
  render(weekAtAGlance(options, [place(sample, zone)], zone), document.createDocumentFragment());
  return true;
}

/** Whether {@link warmSlotPicker} ran: once a page (another locale's are made as the picker renders). */
let pickerWarmed = false;

/** "Wed 3 Dec, 16:00": the one time chosen. */
function formatShortDateTime(iso: string, locale: string, timeZone: string): string {
  return `${formatShortDay(iso, locale, timeZone)}, ${formatTime(iso, locale, timeZone)}`;
}

/** The open slots: a few suggested first, how many are chosen, then the other times a week at a time. */
export function compactSlotPicker(o: CompactSlotPickerOptions): TemplateResult {
  const zone = o.timeZone ?? viewerTimeZone();
  const until = Date.now() + o.withinDays * 86_400_000;
  const open = o.slots.filter((slot) => Date.parse(slot.startsAt) <= until).map((slot) => place(slot, zone));
  const around = o.around;
  const suggested = around
    ? suggestedSlots(
        open.filter(({ slot }) => o.unavailable?.has(slot.id) !== true),
        wallClock(around, zone),
        o.multiple ? SUGGESTED.several : SUGGESTED.one,
      )
    : [];
  const isSuggested = new Set(suggested.map(({ slot }) => slot.id));
  const others = open.filter(({ slot }) => !isSuggested.has(slot.id));
  return html`${adoptStyles(slotPickerStyles)}<fieldset part="alternatives" ?disabled=${o.disabled}>
    <legend>${o.legend}</legend>
    ${
      open.length === 0
        ? html`<p>${msg('You have no open times in that period. Add some in your calendar, then reload.', { id: 'rc.cancel.no-slots' })}</p>`
        : html`<p part="slot-count" role="status">${chosenText(o, zone)}</p>`
    }
    ${
      around && suggested.length > 0
        ? html`<div part="suggested" role="group" aria-labelledby="suggested-label" aria-describedby="suggested-why">
          <p class="section-label" id="suggested-label">${msg('Suggested times', { id: 'rc.slot.suggested' })}</p>
          <p class="hint" id="suggested-why">${msg(str`Nearest the session's time of day (${formatTime(around, o.locale, zone)}), on the days closest to it.`, { id: 'rc.slot.suggested-why' })}</p>
          <div class="chips">
            ${suggested.map(({ slot }) => slotChoice(o, slot, html`<span class="chip-day">${formatShortDay(slot.startsAt, o.locale, zone)}</span> <span>${formatTime(slot.startsAt, o.locale, zone)}</span>`, 'slot suggested-slot'))}
          </div>
        </div>`
        : nothing
    }
    ${others.length > 0 ? weekAtAGlance(o, others, zone) : nothing}
  </fieldset>`;
}

/** "3 times chosen", or the one time chosen: it may sit in a week not shown. */
function chosenText(o: CompactSlotPickerOptions, zone: string): string {
  const count = o.selected.size;
  if (!o.multiple) {
    const chosen = o.slots.find((slot) => o.selected.has(slot.id));
    return chosen
      ? msg(str`Chosen: ${formatShortDateTime(chosen.startsAt, o.locale, zone)}`, { id: 'rc.slot.chosen-time' })
      : msg('No time chosen yet', { id: 'rc.slot.chosen-no-time' });
  }
  if (count === 0) return msg('No times chosen yet', { id: 'rc.slot.chosen-none' });
  if (count === 1) return msg('1 time chosen', { id: 'rc.slot.chosen-one' });
  return msg(str`${count} times chosen`, { id: 'rc.slot.chosen-many' });
}

/** "7–13 Dec": the days of a week, from its first day's number. */
function formatWeek(firstDay: number, locale: string): string {
  return formatter(
    `slot-week|${locale}`,
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ).formatRange(dayDate(firstDay), dayDate(firstDay + 6));
}

/** The other times, one week at a time: its days, each day's times as chips, and earlier / later weeks. */
function weekAtAGlance(o: CompactSlotPickerOptions, others: readonly PlacedSlot[], zone: string): TemplateResult {
  const weeks = groupBy(others, (placed) => weekStart(placed.day, o.locale));
  const index = Math.min(Math.max(o.week, 0), weeks.length - 1);
  const week = weeks[index]!;
  const firstDay = weekStart(week[0]!.day, o.locale);
  const go = (to: number) => (to < 0 || to >= weeks.length ? undefined : () => o.onWeek(to));
  const earlier = go(index - 1);
  const later = go(index + 1);
  return html`<div part="more-times" role="group" aria-labelledby="more-times-label week-range">
    <div part="week-nav">
      <p class="section-label" id="more-times-label">${msg('More times', { id: 'rc.slot.more' })}</p>
      <button type="button" part="previous-week" data-variant="secondary" aria-disabled=${earlier ? 'false' : 'true'} @click=${() => earlier?.()}>
        <span aria-hidden="true">‹</span><span class="visually-hidden">${msg('Previous week', { id: 'rc.slot.previous-week' })}</span>
      </button>
      <p part="week-range" id="week-range" aria-live="polite">
        <span>${formatWeek(firstDay, o.locale)}</span>
        <span class="hint">${msg(str`week ${index + 1} of ${weeks.length}`, { id: 'rc.slot.week-of' })}</span>
      </p>
      <button type="button" part="next-week" data-variant="secondary" aria-disabled=${later ? 'false' : 'true'} @click=${() => later?.()}>
        <span aria-hidden="true">›</span><span class="visually-hidden">${msg('Next week', { id: 'rc.slot.next-week' })}</span>
      </button>
    </div>
    ${groupBy(week, (placed) => placed.day).map(
      (day) => html`<div part="day" role="group" aria-labelledby="day-${day[0]!.day}">
        <p class="day-label" id="day-${day[0]!.day}">${dayLabel(day[0]!.slot.startsAt, o.locale, zone)}</p>
        <div class="chips">${day.map(({ slot }) => slotChoice(o, slot, formatTime(slot.startsAt, o.locale, zone), 'slot'))}</div>
      </div>`,
    )}
  </div>`;
}

/** Slots (in time order) grouped by a key that grows with time (their day, their week). */
function groupBy(slots: readonly PlacedSlot[], key: (placed: PlacedSlot) => number): PlacedSlot[][] {
  const groups = new Map<number, PlacedSlot[]>();
  for (const placed of slots) groups.set(key(placed), [...(groups.get(key(placed)) ?? []), placed]);
  return [...groups.values()];
}

/** One time: a native checkbox or radio in a compact chip, struck out when it was taken meanwhile. */
function slotChoice(
  o: CompactSlotPickerOptions,
  slot: Slot,
  label: string | TemplateResult,
  parts: string,
): TemplateResult {
  const taken = o.unavailable?.has(slot.id) === true;
  return html`<label part="${parts}${taken ? ' slot-taken' : ''}" class="chip">
    ${slotInput(o, slot, taken)}
    <time datetime=${slot.startsAt}>${label}</time>
    ${takenHint(taken)}
  </label>`;
}
