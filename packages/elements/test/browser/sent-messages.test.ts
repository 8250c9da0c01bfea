import { expect, fixture } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, $$, text, BASE, waitUntil } from './widget-harness.js';
import {
  setRaincheckLocale,
  type RcAttendanceUpdate,
  type RcCancelSession,
  type RcRescheduleSession,
} from '@raincheck/elements';
import type { Notification } from '@raincheck/host-api/client';

// Success views say what the host recorded sending the client, and when, from its history
// endpoint: never a promise the host did not record (issue 20).

const host = createMockHost();

/** The mock host, its notification history passed through `change` (the rest as it answers). */
function historyAs(change?: (notifications: Notification[]) => Notification[]): typeof fetch {
  const fetchHost = host.fetchAt(BASE);
  return async (input, init) => {
    const response = await fetchHost(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!change || !/\/notifications(\?|$)/.test(url) || !response.ok) return response;
    const body = (await response.json()) as { notifications: Notification[] };
    return new Response(JSON.stringify({ notifications: change(body.notifications) }), {
      status: 200,
      headers: response.headers,
    });
  };
}

async function mount<E extends HTMLElement & { state: string }>(tag: string, fetcher: typeof fetch): Promise<E> {
  const el = document.createElement(tag) as E & { fetch: typeof fetch; getAccessToken: () => Promise<string> };
  el.setAttribute('session-id', 'ses-1');
  el.setAttribute('base-url', BASE);
  el.fetch = fetcher;
  el.getAccessToken = () => host.token('therapist');
  await fixture(el);
  await waitUntil(() => el.state === 'ready', `<${tag}> should be ready, not ${el.state}`, { timeout: 5000 });
  return el;
}

/** Cancels ses-1 for illness, offering the first two times, confirmed with the keyboard. */
async function cancel(fetcher: typeof fetch): Promise<RcCancelSession> {
  const el = await mount<RcCancelSession>('rc-cancel-session', fetcher);
  $<HTMLInputElement>(el, 'input[name="reason"]').click();
  for (const box of $$<HTMLInputElement>(el, '[part~="slot"] input').slice(0, 2)) box.click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part~="submit"]').focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.state === 'success', `the cancel should succeed: ${text(el)}`);
  return el;
}

const hhmm = /\b\d{1,2}:\d{2}\b/;

beforeEach(() => {
  host.reset('ordinary-cancellation');
  sessionStorage.clear();
});

afterEach(async () => {
  await setRaincheckLocale('en');
});

describe('success views say what was sent and when', () => {
  it('cancel: who was emailed when, the times offered and until when the client can choose; accessible', async () => {
    const el = await cancel(historyAs());
    const sent = $(el, '[part~="sent"]').textContent;
    expect(sent).to.match(/Ben Carter was (emailed|texted|called) at \d{1,2}:\d{2}/);
    expect(text(el)).to.not.contain('is being told now');
    expect($$(el, '[part~="offered"] li')).to.have.length(2);
    expect($(el, '[part~="offered"]').textContent).to.match(hhmm);
    expect($(el, '[part~="choose-by"]').textContent).to.match(/They can choose until .+\d{1,2}:\d{2}/);
    await expect(el).to.be.accessible();
  });

  it('cancel, the message still due: "will be told by … (within N minutes)", not "was emailed"', async () => {
    const due = historyAs((list) =>
      list.map((n) => ({
        ...n,
        deadlineAt: new Date(Date.parse(n.at) + 15 * 60_000).toISOString(),
        deliveries: n.deliveries.map((d) => ({ id: d.id, channel: 'email', status: 'due' as const, attempts: 0 })),
      })),
    );
    const el = await cancel(due);
    expect($(el, '[part~="sent"]').textContent).to.match(
      /Ben Carter will be told by email by \d{1,2}:\d{2}( [AP]M)? \(within 15 minutes\)/,
    );
    expect($(el, '[part~="sent"]').textContent).to.not.contain('was emailed');
    await expect(el).to.be.accessible();
  });

  it('cancel, nothing recorded: says so, promises nothing; in German too', async () => {
    const el = await cancel(historyAs(() => []));
    expect($(el, '[part~="sent"]').textContent).to.contain('The booking system recorded no message to Ben Carter.');
    expect(text(el)).to.not.match(/is (being )?told now/);
    await setRaincheckLocale('de');
    await el.updateComplete;
    expect($(el, '[part~="sent"]').textContent).to.contain('keine Nachricht an Ben Carter');
  });

  it('rearrangement: the new time and who was told when; accessible', async () => {
    const el = await mount<RcRescheduleSession>('rc-reschedule-session', historyAs());
    $<HTMLInputElement>(el, '[part~="slot"] input').click();
    await el.updateComplete;
    const reason = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="reason"]');
    if (reason) reason.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success', `the rearrangement should succeed: ${text(el)}`);
    expect(text(el)).to.contain('The session is now on');
    expect($(el, '[part~="sent"]').textContent).to.match(/Ben Carter was (emailed|texted|called) at \d{1,2}:\d{2}/);
    await expect(el).to.be.accessible();
  });

  it('attendance, "I could not hold the session" with a refund: not "completed"; the refund and who was told when', async () => {
    host.reset('already-started');
    const el = await mount<RcAttendanceUpdate>('rc-attendance-update', historyAs());
    $<HTMLInputElement>(el, 'input[name="outcome"][value="therapist-unable"]').click();
    await waitUntil(() => $(el, '[part~="decision"]') !== null, 'the decision shows once an outcome is chosen');
    await el.updateComplete;
    expect(text(el)).to.not.contain('marked as completed');
    $<HTMLInputElement>(el, '[part~="refund"] input').click();
    await waitUntil(() => text(el).includes('refunded'), 'the refund joins the effects');
    $<HTMLButtonElement>(el, '[part~="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'success', `the update should succeed: ${text(el)}`);
    expect(text(el)).to.contain('recorded as not held');
    expect(text(el)).to.not.contain('marked as completed');
    expect(text(el)).to.contain('£65.00 is on its way back to the client');
    expect($(el, '[part~="sent"]').textContent).to.match(/Ben Carter was (emailed|texted|called) at \d{1,2}:\d{2}/);
    await expect(el).to.be.accessible();
  });
});
