import { msg, str } from '@lit/localize';
import type { Slot } from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDay, formatTime, viewerTimeZone } from '../format/formatters.js';
import type { SlotPickerOptions } from './form-templates.js';
import { place, wallClock, type PlacedSlot } from './slot-picker-calendar.js';
import { suggestedSlots } from './slot-picker-suggestions.js';

// The therapist's slot picker (cancel, rearrange), loaded once the policy has decided: the times
// nearest the session's first, then the other open times by day. The client's page keeps the plain
// list of `slotPicker` (a few offered times), so its first load does not carry this.

/** How many times are suggested first: a few to offer (checkboxes) or one to take (radios). */
const SUGGESTED = { several: 4, one: 3 } as const;

export interface CompactSlotPickerOptions extends Omit<SlotPickerOptions, 'extra' | 'aside'> {
  /** When the session being changed starts: the suggestions sit nearest its time of day (none without it). */
  readonly around: string | undefined;
}

const shortDateTimes = new Map<string, Intl.DateTimeFormat>();

/** "Wed 3 Dec, 16:00": a suggested time, which needs its day beside it. */
function formatShortDateTime(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let formatter = shortDateTimes.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
    });
    shortDateTimes.set(key, formatter);
  }
  return formatter.format(Date.parse(iso));
}

/** The open slots: a few suggested first, then the others grouped by day. */
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
  const choice = (placed: PlacedSlot, label: string, parts = 'slot') => slotChoice(o, placed.slot, label, parts);
  return html`<fieldset part="alternatives" ?disabled=${o.disabled}>
    <legend>${o.legend}</legend>
    ${open.length === 0 ? html`<p>${msg('You have no open times in that period. Add some in your calendar, then reload.', { id: 'rc.cancel.no-slots' })}</p>` : nothing}
    ${
      around && suggested.length > 0
        ? html`<div part="suggested" role="group" aria-labelledby="suggested-label" aria-describedby="suggested-why">
          <p class="section-label" id="suggested-label">${msg('Suggested times', { id: 'rc.slot.suggested' })}</p>
          <p class="hint" id="suggested-why">${msg(str`Nearest the session's time of day (${formatTime(around, o.locale, zone)}), on the days closest to it.`, { id: 'rc.slot.suggested-why' })}</p>
          <div class="chips">
            ${suggested.map((placed) => choice(placed, formatShortDateTime(placed.slot.startsAt, o.locale, zone), 'slot suggested-slot'))}
          </div>
        </div>`
        : nothing
    }
    ${
      others.length > 0
        ? html`<div part="more-times" role="group" aria-labelledby="more-times-label">
          <p class="section-label" id="more-times-label">${msg('More times', { id: 'rc.slot.more' })}</p>
          ${byDay(others).map(
            (day) => html`<div part="day" role="group" aria-labelledby="day-${day[0]!.day}">
              <p class="day-label" id="day-${day[0]!.day}">${formatDay(day[0]!.slot.startsAt, o.locale, zone)}</p>
              <div class="chips">${day.map((placed) => choice(placed, formatTime(placed.slot.startsAt, o.locale, zone)))}</div>
            </div>`,
          )}
        </div>`
        : nothing
    }
  </fieldset>`;
}

/** Slots (in time order) grouped by their day. */
function byDay(slots: readonly PlacedSlot[]): PlacedSlot[][] {
  const days = new Map<number, PlacedSlot[]>();
  for (const placed of slots) days.set(placed.day, [...(days.get(placed.day) ?? []), placed]);
  return [...days.values()];
}

/** One time: a native checkbox or radio in a compact chip, struck out when it was taken meanwhile. */
function slotChoice(o: CompactSlotPickerOptions, slot: Slot, label: string, parts: string): TemplateResult {
  const taken = o.unavailable?.has(slot.id) === true;
  return html`<label part="${parts}${taken ? ' slot-taken' : ''}" class="chip">
    <input
      type=${o.multiple ? 'checkbox' : 'radio'}
      name="slot"
      .value=${slot.id}
      .checked=${o.selected.has(slot.id) && !taken}
      ?disabled=${taken}
      @change=${(e: Event) => o.onChange(slot.id, (e.target as HTMLInputElement).checked)}
    />
    <time datetime=${slot.startsAt}>${label}</time>
    ${taken ? html`<span class="hint">${msg('(taken)', { id: 'rc.slot.taken' })}</span>` : nothing}
  </label>`;
}
