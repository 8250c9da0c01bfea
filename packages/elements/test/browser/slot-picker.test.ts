import { expect, oneEvent } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import type { Slot } from '@raincheck/host-api/client';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, $$, text, mountWidget } from './widget-harness.js';
import {
  setRaincheckLocale,
  type CancelSubmitDetail,
  type RcCancelSession,
  type RcRescheduleSession,
} from '@raincheck/elements';

// Issue 20: the therapist's slot picker, compact and scannable: the times nearest the session's first.

const host = createMockHost();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The ordinary cancellation, with the session at 10:00 (UTC) six days from now and open times the
 * test names by their distance from it: `d+1@10` is 10:00 the day after the session.
 */
function calendar(): { sessionStart: number } {
  host.reset('ordinary-cancellation');
  sessionStorage.clear();
  const sessionStart = Math.floor(Date.now() / DAY) * DAY + 6 * DAY + 10 * HOUR;
  const session = host.state.seed.sessions[0] as { startsAt: string; endsAt: string };
  session.startsAt = new Date(sessionStart).toISOString();
  session.endsAt = new Date(sessionStart + 50 * 60_000).toISOString();
  const at = (days: number, hour: number): Slot => {
    const start = sessionStart + days * DAY + (hour - 10) * HOUR;
    return {
      id: `d${days >= 0 ? '+' : ''}${days}@${hour}`,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 50 * 60_000).toISOString(),
    };
  };
  host.state.seed.slots['th-ana'] = [
    at(-2, 14),
    at(-1, 10),
    at(0, 10), // the session's own hour, which a host may still list as open
    at(0, 16),
    at(1, 10),
    at(1, 14),
    at(2, 10),
    at(3, 10),
    at(7, 10),
  ].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return { sessionStart };
}

const suggestedIds = (el: HTMLElement) =>
  $$<HTMLInputElement>(el, '[part~="suggested"] [part~="slot"] input').map((input) => input.value);
const shownIds = (el: HTMLElement) => $$<HTMLInputElement>(el, '[part~="slot"] input').map((input) => input.value);
const weekIds = (el: HTMLElement) =>
  $$<HTMLInputElement>(el, '[part~="more-times"] [part~="slot"] input').map((input) => input.value);
const collapse = (node: Element) => node.textContent.replace(/\s+/g, ' ').trim();

/** Every time the picker offers, the suggestions and each week's, paging forward with "Next week". */
async function everyOfferedId(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<string[]> {
  const ids = [...suggestedIds(el)];
  for (;;) {
    ids.push(...weekIds(el));
    const next = $<HTMLButtonElement>(el, '[part~="next-week"]');
    if (!next || next.getAttribute('aria-disabled') === 'true') return ids;
    next.click();
    await el.updateComplete;
  }
}

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light' });
  await setRaincheckLocale('en');
});

describe('the slot picker: suggested times first', () => {
  it('<rc-cancel-session>: four times at the session’s time of day on the nearest days, soonest first, labelled why', async () => {
    const { sessionStart } = calendar();
    const el = await mountWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    expect(suggestedIds(el)).to.deep.equal(['d-1@10', 'd+1@10', 'd+2@10', 'd+3@10']);
    // They come first, each time is offered once, and never the session's own.
    expect(shownIds(el).slice(0, 4)).to.deep.equal(suggestedIds(el));
    const offered = await everyOfferedId(el);
    expect(new Set(offered).size).to.equal(offered.length);
    expect(offered).to.have.members(['d-1@10', 'd+1@10', 'd+2@10', 'd+3@10', 'd-2@14', 'd+1@14', 'd+7@10', 'd+0@16']);
    expect(offered).not.to.include('d+0@10');
    const group = $(el, '[part~="suggested"]');
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.textContent).to.contain('Suggested times');
    const sessionTime = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(sessionStart);
    expect(group.textContent).to.contain(
      `Nearest the session's time of day (${sessionTime}), on the days closest to it.`,
    );
    // Each suggestion names its day, since they span several.
    const dayName = new Intl.DateTimeFormat('en', { weekday: 'short' }).format(sessionStart + DAY);
    expect($$(el, '[part~="suggested-slot"]')[1]!.textContent).to.contain(dayName);
    await expect(el).to.be.accessible();
  });

  it('<rc-cancel-session>: the keyboard picks suggested times, and they are what is offered', async () => {
    calendar();
    const el = await mountWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    $<HTMLInputElement>(el, 'input[name="reason"]').click();
    const [first] = $$<HTMLInputElement>(el, '[part~="suggested"] input');
    first!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '[part~="suggested"] input')[1]);
    const submitted = oneEvent(el, 'rc-cancel-submit');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    const { detail } = (await submitted) as CustomEvent<CancelSubmitDetail>;
    expect(detail.alternativeSlotIds).to.deep.equal(['d-1@10', 'd+1@10']);
    await expect(el).to.be.accessible();
  });

  it('<rc-reschedule-session>: three suggested times in the one radio group, arrow keys move on', async () => {
    calendar();
    const el = await mountWidget<RcRescheduleSession>(host, 'rc-reschedule-session', { 'session-id': 'ses-1' });
    expect(suggestedIds(el)).to.deep.equal(['d-1@10', 'd+1@10', 'd+2@10']);
    const radios = $$<HTMLInputElement>(el, '[part~="slot"] input');
    expect(radios.every((radio) => radio.type === 'radio' && radio.name === 'slot')).to.equal(true);
    radios[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(radios[1]!.checked).to.equal(true);
    expect(radios[0]!.checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('speaks German', async () => {
    calendar();
    const el = await mountWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    await setRaincheckLocale('de');
    await el.updateComplete;
    expect(text(el)).to.contain('Vorgeschlagene Termine');
    expect(text(el)).to.contain('Möglichst nah an der Uhrzeit der Sitzung');
    await expect(el).to.be.accessible();
  });
});

/** The ordinary cancellation (open times on every weekday for three weeks), in British English. */
async function ordinary<E extends RcCancelSession | RcRescheduleSession>(tag: string): Promise<E> {
  host.reset('ordinary-cancellation');
  sessionStorage.clear();
  return mountWidget<E>(host, tag, { 'session-id': 'ses-1', locale: 'en-GB' });
}

const button = (el: HTMLElement, part: string) => $<HTMLButtonElement>(el, `[part~="${part}"]`);
const weekRange = (el: HTMLElement) => collapse($(el, '[part~="week-range"]'));
const count = (el: HTMLElement) => collapse($(el, '[part~="slot-count"]'));
const dayNumber = (iso: string) => Math.floor(Date.parse(iso) / DAY);

describe('the slot picker: a week at a glance', () => {
  it('one week of the other times, by day (weekday and date), with previous / next weeks disabled at the ends', async () => {
    const el = await ordinary<RcCancelSession>('rc-cancel-session');
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long' });
    const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long' });
    const days = $$(el, '[part~="more-times"] [part~="day"]');
    expect(days.length).to.be.greaterThan(1);
    for (const day of days) {
      const times = [...day.querySelectorAll('time')].map((t) => t.getAttribute('datetime')!);
      const first = Date.parse(times[0]!);
      // What shows (a phone gets the short form): the weekday over the date.
      const label = day.querySelector<HTMLElement>('.day-label')!.innerText.replace(/\s+/g, ' ').trim();
      expect(label).to.equal(`${weekday.format(first)} ${date.format(first)}`);
      expect(new Set(times.map((t) => date.format(Date.parse(t)))).size, 'one day a group').to.equal(1);
      // Compact chips: native checkboxes, several side by side.
      expect([...day.querySelectorAll('input')].every((i) => i.type === 'checkbox')).to.equal(true);
    }
    const shown = $$(el, '[part~="more-times"] time').map((t) => dayNumber(t.getAttribute('datetime')!));
    expect(Math.max(...shown) - Math.min(...shown)).to.be.lessThan(7);
    expect(button(el, 'previous-week').getAttribute('aria-disabled')).to.equal('true');
    expect(button(el, 'next-week').getAttribute('aria-disabled')).to.equal('false');
    expect(weekRange(el)).to.match(/week 1 of \d/);
    await expect(el).to.be.accessible();

    const firstWeek = weekIds(el);
    button(el, 'next-week').click();
    await el.updateComplete;
    expect(weekRange(el)).to.match(/week 2 of \d/);
    expect(weekIds(el)).not.to.include.members(firstWeek.slice(0, 1));
    expect(button(el, 'previous-week').getAttribute('aria-disabled')).to.equal('false');
    button(el, 'previous-week').click();
    await el.updateComplete;
    expect(weekIds(el)).to.deep.equal(firstWeek);

    // Paged to the end, nothing is lost: every open time within the policy's 14 days, and no later one.
    const offered = await everyOfferedId(el);
    expect(button(el, 'next-week').getAttribute('aria-disabled')).to.equal('true');
    const lastWeek = weekIds(el);
    button(el, 'next-week').click();
    await el.updateComplete;
    expect(weekIds(el), 'the last week stays').to.deep.equal(lastWeek);
    const session = host.state.session('ses-1')!;
    const within = host.state.seed.slots['th-ana']!.filter(
      (slot) =>
        Date.parse(slot.startsAt) > Date.now() &&
        Date.parse(slot.startsAt) <= Date.now() + 14 * DAY &&
        slot.startsAt !== session.startsAt,
    );
    expect(offered).to.have.members(within.map((slot) => slot.id));
    await expect(el).to.be.accessible();
  });

  it('says how many times are chosen, and what is chosen stays chosen across weeks', async () => {
    const el = await ordinary<RcCancelSession>('rc-cancel-session');
    expect(count(el)).to.equal('No times chosen yet');
    expect($(el, '[part~="slot-count"]').getAttribute('role')).to.equal('status');
    $<HTMLInputElement>(el, 'input[name="reason"]').click();
    const [suggested] = $$<HTMLInputElement>(el, '[part~="suggested"] input');
    const [a, b] = $$<HTMLInputElement>(el, '[part~="more-times"] input');
    const chosen = [suggested!, a!, b!].map((box) => box.value);
    for (const box of [suggested!, a!, b!]) box.click();
    await el.updateComplete;
    expect(count(el)).to.equal('3 times chosen');
    button(el, 'next-week').click();
    await el.updateComplete;
    const later = $$<HTMLInputElement>(el, '[part~="more-times"] input')[0]!;
    const laterId = later.value;
    expect(later.checked).to.equal(false);
    later.click();
    await el.updateComplete;
    expect(count(el)).to.equal('4 times chosen');
    button(el, 'previous-week').click();
    await el.updateComplete;
    const checked = $$<HTMLInputElement>(el, '[part~="slot"] input').filter((box) => box.checked);
    expect(checked.map((box) => box.value)).to.deep.equal(chosen);
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'rc-cancel-submit');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    const { detail } = (await submitted) as CustomEvent<CancelSubmitDetail>;
    expect(detail.alternativeSlotIds).to.have.members([...chosen, laterId]);
  });

  it('by keyboard: the week buttons keep focus, a chip shows a focus ring, and a chosen one differs by more than colour', async () => {
    const el = await ordinary<RcCancelSession>('rc-cancel-session');
    button(el, 'previous-week').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'next-week'));
    const before = weekRange(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(weekRange(el)).not.to.equal(before);
    expect(el.shadowRoot!.activeElement, 'focus stays on the button').to.equal(button(el, 'next-week'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(weekRange(el)).to.equal(before);
    // At the first week "Previous week" says it is unavailable, and keeps focus.
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'previous-week'));
    expect(button(el, 'previous-week').getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const input = el.shadowRoot!.activeElement as HTMLInputElement;
    expect(input.closest('[part~="more-times"]'), 'Tab reaches the week’s first time').to.not.equal(null);
    const chip = input.closest<HTMLElement>('[part~="slot"]')!;
    expect(getComputedStyle(chip).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(chip).outlineWidth)).to.be.at.least(2);
    const plain = parseFloat(getComputedStyle(chip).borderTopWidth);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(input.checked).to.equal(true);
    expect(parseFloat(getComputedStyle(chip).borderTopWidth)).to.be.greaterThan(plain);
    const { width, height } = input.getBoundingClientRect();
    expect(Math.min(width, height)).to.be.at.least(24);
    await expect(el).to.be.accessible();
  });

  it('<rc-reschedule-session>: the one time chosen in a later week is named while another week shows', async () => {
    const el = await ordinary<RcRescheduleSession>('rc-reschedule-session');
    expect(count(el)).to.equal('No time chosen yet');
    button(el, 'next-week').click();
    await el.updateComplete;
    const radio = $$<HTMLInputElement>(el, '[part~="more-times"] input')[1]!;
    expect(radio.type).to.equal('radio');
    const chosenId = radio.value;
    radio.click();
    await el.updateComplete;
    const startsAt = radio.parentElement!.querySelector('time')!.getAttribute('datetime')!;
    const named = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).format(
      Date.parse(startsAt),
    );
    expect(count(el)).to.contain(`Chosen: ${named}`);
    button(el, 'previous-week').click();
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, '[part~="slot"] input').some((r) => r.checked)).to.equal(false);
    expect(count(el)).to.contain(`Chosen: ${named}`);
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'rc-reschedule-submit');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect(((await submitted) as CustomEvent<{ slotId: string }>).detail.slotId).to.equal(chosenId);
  });

  it('in German and in the dark scheme, accessibly', async () => {
    const el = await ordinary<RcCancelSession>('rc-cancel-session');
    el.setAttribute('locale', 'de');
    await setRaincheckLocale('de');
    await el.updateComplete;
    expect(text(el)).to.contain('Weitere Termine');
    expect(text(el)).to.contain('Nächste Woche');
    expect(text(el)).to.contain('Noch keine Termine gewählt');
    expect(weekRange(el)).to.match(/Woche 1 von \d/);
    await emulateMedia({ colorScheme: 'dark' });
    await expect(el).to.be.accessible();
  });
});
