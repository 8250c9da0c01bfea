import { expect, oneEvent } from '@open-wc/testing';
import { createMockHost, type ScenarioName, type ScenarioTweaks } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, text, attachWidget, mountWidget, waitUntil } from './widget-harness.js';
import { setRaincheckLocale, type RcRefundRequest, type RefundSubmitDetail } from '@raincheck/elements';

const host = createMockHost();

/** A cancelled session (the client-offer scenario's), unless another scenario is asked for. */
async function mount(
  scenario: ScenarioName = 'client-offer',
  tweaks: ScenarioTweaks = {},
  reset = true,
): Promise<RcRefundRequest> {
  if (reset) {
    host.reset(scenario, tweaks);
    sessionStorage.clear();
  }
  return mountWidget<RcRefundRequest>(host, 'rc-refund-request', { 'session-id': 'ses-1' });
}

const refundWrites = () => host.records.requests.filter((r) => r.endpoint === 'refundSession');

afterEach(async () => {
  host.faults.clear();
  await setRaincheckLocale('en');
});

describe('<rc-refund-request>', () => {
  it('loading: a status, then the session before the decision; accessible', async () => {
    host.reset('client-offer');
    host.faults.set('getPolicyFacts', { latencyMs: 300, times: 1 });
    const el = await attachWidget<RcRefundRequest>(host, 'rc-refund-request', { 'session-id': 'ses-1' });
    expect(el.state).to.equal('loading');
    await waitUntil(() => $(el, '[part~="session"]') !== null, 'session shown while the policy loads');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'ready');
  });

  it('ready: what the policy allows and why; issued with the keyboard, once', async () => {
    const el = await mount();
    expect(text(el)).to.contain('Ben Carter is refunded £65.00 straight away.');
    expect($(el, '[part~="explanation"]').textContent).to.contain(
      'This session was cancelled, so it can be refunded in full.',
    );
    await expect(el).to.be.accessible();
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    expect(submit.textContent).to.contain('Issue refund');
    const submitted = oneEvent(el, 'rc-refund-submit');
    const succeeded = oneEvent(el, 'rc-refund-success');
    submit.focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = (await submitted) as CustomEvent<RefundSubmitDetail>;
    expect(detail).to.include({ sessionId: 'ses-1', amount: 6500, currency: 'GBP', mode: 'self-serve' });
    await succeeded;
    expect(text(el)).to.contain('Refund issued');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
    expect(host.records.refunds.map((r) => r.status)).to.deep.equal(['issued']);
    expect(text(el)).to.contain('£65.00 is on its way back to the client');
    await expect(el).to.be.accessible();
  });

  it('submitting: busy and accessible; a double click refunds once', async () => {
    const el = await mount();
    host.faults.set('refundSession', { latencyMs: 200, times: 1 });
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    submit.click();
    submit.click();
    await el.updateComplete;
    expect(el.state).to.equal('submitting');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'success');
    expect(refundWrites()).to.have.length(1);
    expect(host.records.refunds).to.have.length(1);
  });

  it('error then retry, and a reload after a failure: the same key every time, one refund', async () => {
    const el = await mount();
    host.faults.set('refundSession', { status: 500, times: 1 });
    const failed = oneEvent(el, 'rc-refund-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await failed).detail).to.include({ retryable: true });
    await el.updateComplete;
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();

    // A reload: a new widget on the same page session; and another tab, opened before the refund.
    const again = await mount('client-offer', {}, false);
    const third = await mount('client-offer', {}, false);
    $<HTMLButtonElement>(again, '[part~="submit"]').click();
    await waitUntil(() => again.state === 'success');
    expect(new Set(refundWrites().map((r) => r.idempotencyKey)).size).to.equal(1);
    expect(host.records.refunds).to.have.length(1);

    // And after success a further attempt is a new intent, which the host refuses: never twice.
    $<HTMLButtonElement>(third, '[part~="submit"]').click();
    await waitUntil(() => third.state === 'error');
    expect(text(third)).to.contain('already been refunded');
    expect(third.shadowRoot!.querySelector('[part~="retry"]')).to.equal(null);
    // Issue 20: then the refund it ran into, not the form and its button again.
    await waitUntil(
      () => third.shadowRoot!.querySelector('[part~="refund-status"]') !== null,
      'the existing refund shows',
    );
    expect(text(third)).to.contain('already been refunded');
    expect($(third, '[part~="heading"]').textContent).to.equal('Refund issued');
    expect(third.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(third).to.be.accessible();
    expect(host.records.refunds).to.have.length(1);

    // Opened after the refund, the widget shows it instead of offering another.
    const fourth = await mount('client-offer', {}, false);
    expect(text(fourth)).to.contain('Refund issued');
    expect(fourth.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
  });

  it("a new client's refund goes to the team, with the reason the policy asks for", async () => {
    const el = await mount('client-offer', { newClient: true });
    expect(text(el)).to.contain('Ben Carter can be refunded £65.00; the platform team reviews it first.');
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    expect(submit.textContent).to.contain('Send for team review');
    expect(submit.disabled).to.equal(true);
    const note = $<HTMLTextAreaElement>(el, 'textarea');
    note.value = 'I was ill and could not hold it';
    note.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(submit.disabled).to.equal(false);
    submit.click();
    await waitUntil(() => el.state === 'success');
    expect(text(el)).to.contain('Sent for team review');
    expect(host.records.refunds.map((r) => r.status)).to.deep.equal(['pending-review']);
    expect(host.records.teamRequests.map((t) => t.reason)).to.deep.equal(['I was ill and could not hold it']);
  });

  it('a session that was not cancelled cannot be refunded here: it says why and offers no button', async () => {
    const el = await mount('ordinary-cancellation');
    expect(text(el)).to.contain('Only a cancelled session can be refunded here');
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks German', async () => {
    await setRaincheckLocale('de');
    const el = await mount();
    expect(text(el)).to.contain('Sitzung erstatten');
    expect(text(el)).to.contain('Erstattung auslösen');
  });
});
