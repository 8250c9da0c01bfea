import { expect, oneEvent } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import type { Slot } from '@raincheck/host-api/client';
import { sendKeys } from '@web/test-runner-commands';
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
const allIds = (el: HTMLElement) => $$<HTMLInputElement>(el, '[part~="slot"] input').map((input) => input.value);

afterEach(() => setRaincheckLocale('en'));

describe('the slot picker: suggested times first', () => {
  it('<rc-cancel-session>: four times at the session’s time of day on the nearest days, soonest first, labelled why', async () => {
    const { sessionStart } = calendar();
    const el = await mountWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    expect(suggestedIds(el)).to.deep.equal(['d-1@10', 'd+1@10', 'd+2@10', 'd+3@10']);
    // They come first, each time is offered once, and never the session's own.
    expect(allIds(el).slice(0, 4)).to.deep.equal(suggestedIds(el));
    expect(new Set(allIds(el)).size).to.equal(allIds(el).length);
    expect(allIds(el)).to.include.members(['d-2@14', 'd+1@14', 'd+7@10', 'd+0@16']);
    expect(allIds(el)).not.to.include('d+0@10');
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
