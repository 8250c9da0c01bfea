import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { $, $$, text, mountWidget, waitUntil } from './widget-harness.js';
import type { RcCancelSession, RcRefundRequest, RcTeamQueue } from '@raincheck/elements';

// The article's loop, end to end on one host: a therapist cancels a new client's session and asks
// for the refund with a reason; the platform team sees the request with that reason, approves it;
// the refund exists once, and the therapist's view shows it issued.

const host = createMockHost();
const REASON = 'Flu: my doctor says a week of rest. Mia should not pay for this.';

async function type(el: HTMLElement, selector: string, value: string): Promise<void> {
  const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>(selector)!;
  area.value = value;
  area.dispatchEvent(new Event('input'));
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

describe("the article's loop", () => {
  it("a new client's refund: the therapist cancels and asks, the team approves once, the therapist sees it issued", async () => {
    host.reset('new-client-refund');
    sessionStorage.clear();

    // The therapist cancels: a reason, the written note the policy asks for, two other times.
    const cancel = await mountWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    $<HTMLInputElement>(cancel, 'input[name="reason"]').click();
    await type(cancel, 'textarea', 'Flu, doctor says a week of rest');
    for (const box of $$<HTMLInputElement>(cancel, '[part~="slot"] input').slice(0, 2)) box.click();
    await cancel.updateComplete;
    $<HTMLButtonElement>(cancel, '[part~="submit"]').click();
    await waitUntil(() => cancel.state === 'success', `the cancellation should succeed: ${text(cancel)}`);
    expect(host.state.session('ses-1')?.status).to.equal('cancelled');

    // …and asks for the refund with a reason: a new client's refund goes to the team.
    const refund = await mountWidget<RcRefundRequest>(host, 'rc-refund-request', { 'session-id': 'ses-1' });
    await waitUntil(() => refund.state === 'ready');
    expect(text(refund)).to.contain('the platform team reviews it first');
    await type(refund, '[part~="note"]', REASON);
    $<HTMLButtonElement>(refund, '[part~="submit"]').click();
    await waitUntil(() => refund.state === 'success', `the refund request should succeed: ${text(refund)}`);
    expect(text(refund)).to.contain('Sent for team review');

    // The team sees it in the queue, with the therapist's reason.
    const queue = await mountWidget<RcTeamQueue>(host, 'rc-team-queue', {}, { as: 'team' });
    expect(queue.state).to.equal('ready');
    const row = $$<HTMLButtonElement>(queue, '[part~="open-request"]').find(
      (b) => b.querySelector('[part~="kind"]')!.textContent === "New client's refund",
    );
    expect(row, text(queue)).to.not.equal(undefined);
    expect(row!.querySelector('[part~="reason"]')!.textContent).to.equal(REASON);
    row!.click();
    await waitUntil(() => queue.state === 'detail');
    expect($(queue, '[part~="story"]').textContent).to.contain(REASON);
    expect($(queue, '[part~="money"]').textContent).to.contain("Refund of £65.00: waiting for the team's review");

    // …and approves it, clicking twice.
    $$<HTMLLabelElement>(queue, '[part~="action"]')
      .find((l) => l.textContent.trim() === 'Approve the refund')!
      .querySelector('input')!
      .click();
    await queue.updateComplete;
    $<HTMLButtonElement>(queue, '[part~="continue"]').click();
    await waitUntil(() => queue.state === 'confirming');
    const confirm = $<HTMLButtonElement>(queue, '[part~="submit"]');
    confirm.click();
    confirm.click();
    await waitUntil(() => queue.state === 'done', `the approval should succeed: ${text(queue)}`);
    expect($(queue, '[part~="heading"]').textContent).to.equal('Refund of £65.00 issued');

    // The refund exists once, issued.
    expect(host.records.refunds.filter((r) => r.sessionId === 'ses-1').map((r) => r.status)).to.deep.equal(['issued']);

    // A freshly opened therapist's view shows it issued.
    const later = await mountWidget<RcRefundRequest>(host, 'rc-refund-request', { 'session-id': 'ses-1' });
    await waitUntil(() => later.state === 'ready');
    expect($(later, '[part~="heading"]').textContent).to.equal('Refund issued');
    expect(later.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(later).to.be.accessible();
  });
});
