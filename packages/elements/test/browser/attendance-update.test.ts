import { expect, oneEvent } from '@open-wc/testing';
import { createMockHost, type ScenarioName, type ScenarioTweaks } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, text, attachWidget, mountWidget, waitUntil } from './widget-harness.js';
import { setRaincheckLocale, type AttendanceSubmitDetail, type RcAttendanceUpdate } from '@raincheck/elements';

const host = createMockHost();

/** A session that started an hour ago (the already-started scenario's), unless another is asked for. */
async function mount(
  scenario: ScenarioName = 'already-started',
  tweaks: ScenarioTweaks = {},
  reset = true,
): Promise<RcAttendanceUpdate> {
  if (reset) {
    host.reset(scenario, tweaks);
    sessionStorage.clear();
  }
  return mountWidget<RcAttendanceUpdate>(host, 'rc-attendance-update', { 'session-id': 'ses-1' });
}

const writes = () => host.records.requests.filter((r) => r.endpoint === 'updateAttendance');

async function choose(el: RcAttendanceUpdate, outcome: string): Promise<void> {
  $<HTMLInputElement>(el, `input[name="outcome"][value="${outcome}"]`).click();
  await waitUntil(() => $(el, '[part~="decision"]') !== null, 'the decision shows once an outcome is chosen');
  await el.updateComplete;
}

async function tickRefund(el: RcAttendanceUpdate): Promise<void> {
  $<HTMLInputElement>(el, '[part~="refund"] input').click();
  await waitUntil(() => text(el).includes('refunded'), 'the refund joins the effects');
}

afterEach(async () => {
  host.faults.clear();
  await setRaincheckLocale('en');
});

describe('<rc-attendance-update>', () => {
  it('loading: a status, then the session before the decision; accessible', async () => {
    host.reset('already-started');
    host.faults.set('getPolicyFacts', { latencyMs: 300, times: 1 });
    const el = await attachWidget<RcAttendanceUpdate>(host, 'rc-attendance-update', { 'session-id': 'ses-1' });
    expect(el.state).to.equal('loading');
    expect(text(el)).to.contain('Loading the session');
    await waitUntil(() => $(el, '[part~="session"]') !== null, 'session shown while the policy loads');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'ready');
  });

  it('ready: the client attended; saved with the keyboard alone, nothing refunded', async () => {
    const el = await mount();
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    expect(submit.disabled, 'nothing chosen yet').to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="refund"]'), 'no refund for a held session').to.equal(null);
    await expect(el).to.be.accessible();
    // Tab into the radio group; the arrow keys move between outcomes and check them.
    $<HTMLInputElement>(el, 'input[name="outcome"]').focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !submit.disabled);
    expect(text(el)).to.contain('The session is marked as completed.');
    const submitted = oneEvent(el, 'rc-attendance-submit');
    submit.focus();
    await sendKeys({ press: 'Enter' });
    const { detail } = (await submitted) as CustomEvent<AttendanceSubmitDetail>;
    expect(detail).to.include({ sessionId: 'ses-1', outcome: 'attended', refund: false });
    await waitUntil(() => el.state === 'success');
    expect(text(el)).to.contain('Attendance saved');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
    expect(host.state.session('ses-1')?.status).to.equal('completed');
    expect(host.records.refunds).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the therapist could not hold it: the client is told and refunded at once, once, even double-clicked', async () => {
    const el = await mount();
    await choose(el, 'therapist-unable');
    // Issue 20: the host tells the client only about a refund, so nothing is promised before one is chosen.
    expect(text(el)).to.not.contain('Ben Carter is told now');
    expect($(el, '[part~="refund"]').textContent).to.contain('Refund £65.00 to the client');
    await tickRefund(el);
    expect(text(el)).to.contain('Ben Carter is told now by email');
    expect(text(el)).to.contain('Ben Carter is refunded £65.00 straight away.');
    await expect(el).to.be.accessible();
    host.faults.set('updateAttendance', { latencyMs: 200, times: 1 });
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    submit.click();
    submit.click();
    await el.updateComplete;
    expect(el.state).to.equal('submitting');
    expect($(el, '[part~="form"]').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'success');
    expect(writes()).to.have.length(1);
    expect(host.records.refunds.map((r) => r.status)).to.deep.equal(['issued']);
    expect(text(el)).to.contain('£65.00 is on its way back to the client');
  });

  it("a new client's refund goes to the team with the reason the policy asks for", async () => {
    const el = await mount('already-started', { newClient: true });
    await choose(el, 'therapist-unable');
    await tickRefund(el);
    expect(text(el)).to.contain('the platform team reviews it first');
    expect(text(el)).to.contain('Reason for the team (at least 10 characters)');
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    expect(submit.disabled).to.equal(true);
    const note = $<HTMLTextAreaElement>(el, 'textarea');
    note.value = 'Fever, had to stop';
    note.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(submit.disabled).to.equal(false);
    submit.click();
    await waitUntil(() => el.state === 'success');
    expect(text(el)).to.contain('The platform team reviews the refund of £65.00');
    expect(host.records.refunds.map((r) => r.status)).to.deep.equal(['pending-review']);
    expect(host.records.teamRequests.map((t) => [t.kind, t.reason])).to.deep.equal([
      ['new-client-refund', 'Fever, had to stop'],
    ]);
  });

  it('error: a 500 keeps the choices; the retry and a reload reuse one key, and the refund is issued once', async () => {
    const el = await mount();
    await choose(el, 'therapist-unable');
    await tickRefund(el);
    host.faults.set('updateAttendance', { status: 500, times: 1 });
    const failed = oneEvent(el, 'rc-attendance-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await failed).detail).to.include({ retryable: true });
    await el.updateComplete;
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect($<HTMLInputElement>(el, 'input[value="therapist-unable"]').checked, 'the choice is kept').to.equal(true);
    await expect(el).to.be.accessible();

    // A reload, the same choices: the same intent, the same key.
    const again = await mount('already-started', {}, false);
    await choose(again, 'therapist-unable');
    await tickRefund(again);
    $<HTMLButtonElement>(again, '[part~="submit"]').click();
    await waitUntil(() => again.state === 'success');
    expect(new Set(writes().map((r) => r.idempotencyKey)).size).to.equal(1);
    expect(host.records.refunds).to.have.length(1);

    // Recorded now: the widget says so and offers nothing more.
    const third = await mount('already-started', {}, false);
    expect(text(third)).to.contain('already been recorded');
    expect(third.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
  });

  it('a session that has not started yet: it explains and offers nothing to save', async () => {
    const el = await mount('ordinary-cancellation');
    expect(text(el)).to.contain('You can update the attendance once the session has started.');
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a host answer that breaks the contract: a clear error, never a claimed success', async () => {
    const el = await mount();
    await choose(el, 'attended');
    host.faults.set('updateAttendance', { malformed: true, times: 1 });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'error');
    expect(text(el)).to.contain('does not understand');
  });

  it('speaks German', async () => {
    await setRaincheckLocale('de');
    const el = await mount();
    expect(text(el)).to.contain('Anwesenheit eintragen');
    expect(text(el)).to.contain('Ich konnte die Sitzung nicht halten');
  });
});
