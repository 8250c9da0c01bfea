import { expect, oneEvent } from '@open-wc/testing';
import { createMockHost, type ScenarioName } from '@raincheck/mock-host';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, $$, text, attachWidget, mountWidget, waitUntil } from './widget-harness.js';
import { setRaincheckLocale, type RcCancelSession, type CancelSubmitDetail } from '@raincheck/elements';

const host = createMockHost();

async function mount(scenario: ScenarioName = 'ordinary-cancellation', sessionId = 'ses-1'): Promise<RcCancelSession> {
  host.reset(scenario);
  sessionStorage.clear();
  return mountWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': sessionId });
}

/** Fills the form the way a therapist would: a reason, an optional note, the first `slots` times. */
async function fill(el: RcCancelSession, { note = '', slots = 2 } = {}): Promise<void> {
  $<HTMLInputElement>(el, 'input[name="reason"]').click();
  if (note) {
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    area.value = note;
    area.dispatchEvent(new Event('input'));
  }
  for (const box of $$<HTMLInputElement>(el, '[part~="slot"] input').slice(0, slots)) box.click();
  await el.updateComplete;
}

afterEach(async () => {
  host.faults.clear();
  await emulateMedia({ colorScheme: 'light' });
  await setRaincheckLocale('en');
});

describe('<rc-cancel-session>', () => {
  it('loading: shows a status and is accessible; the session shows before the decision', async () => {
    host.reset('ordinary-cancellation');
    host.faults.set('getPolicyFacts', { latencyMs: 300, times: 1 });
    const el = await attachWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    expect(el.state).to.equal('loading');
    expect($(el, '[part~="status"]').getAttribute('role')).to.equal('status');
    await waitUntil(() => $(el, '[part~="session"]') !== null, 'session shown while the policy loads');
    expect(el.state).to.equal('loading');
    expect(text(el)).to.contain('With Ben Carter');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'ready');
  });

  it('ready: shows what will happen and why before anything is sent', async () => {
    const el = await mount();
    expect(el.state).to.equal('ready');
    expect(text(el)).to.contain('Ben Carter is told now by email.');
    expect(text(el)).to.contain('Offer at least 2 other times within 14 days.');
    expect(text(el)).to.contain('may choose a refund of £65.00 instead');
    const why = $$(el, '[part~="explanation"]')[0]!;
    expect(why.textContent).to.contain('Your client is emailed straight away');
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is operable with the keyboard alone, and targets are at least 24 px', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, 'input[name="reason"]').focus();
    await sendKeys({ press: 'Space' });
    for (const box of $$<HTMLInputElement>(el, '[part~="slot"] input').slice(0, 2)) {
      box.focus();
      await sendKeys({ press: 'Space' });
    }
    await el.updateComplete;
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    expect(submit.disabled).to.equal(false);
    for (const target of [submit, ...$$(el, 'input')]) {
      const box = target.getBoundingClientRect();
      expect(Math.min(box.width, box.height), target.outerHTML.slice(0, 60)).to.be.at.least(24);
    }
    submit.focus();
    const success = oneEvent(el, 'rc-cancel-success');
    await sendKeys({ press: 'Enter' });
    await success;
    expect(el.state).to.equal('success');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
  });

  it('success: fires submit then success, says what happens next, and the host cancelled once', async () => {
    const el = await mount();
    await fill(el);
    // Issue 20: the refund box starts unticked (the client chooses); the therapist offers one here.
    $<HTMLInputElement>(el, '[part~="refund"] input').click();
    await el.updateComplete;
    const submitted = oneEvent(el, 'rc-cancel-submit');
    const succeeded = oneEvent(el, 'rc-cancel-success');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    const { detail } = (await submitted) as CustomEvent<CancelSubmitDetail>;
    expect(detail.reason).to.equal('illness');
    expect(detail.alternativeSlotIds).to.have.length(2);
    expect(detail.decision.policyId).to.equal('raincheck-default');
    await succeeded;
    expect(text(el)).to.contain('Session cancelled');
    expect(text(el)).to.contain('They can choose one of the 2 times you offered or a refund.');
    expect(host.records.notifications).to.have.length(1);
    expect(host.state.session('ses-1')?.status).to.equal('cancelled');
    await expect(el).to.be.accessible();
  });

  it('the host may veto: a prevented rc-cancel-submit sends nothing', async () => {
    const el = await mount();
    await fill(el);
    el.addEventListener('rc-cancel-submit', (e) => e.preventDefault(), { once: true });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(host.records.requests.filter((r) => r.endpoint === 'cancelSession')).to.have.length(0);
  });

  it('submitting: busy and accessible; a double click cancels once', async () => {
    const el = await mount();
    await fill(el);
    host.faults.set('cancelSession', { latencyMs: 200, times: 1 });
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    submit.click();
    submit.click();
    await el.updateComplete;
    expect(el.state).to.equal('submitting');
    expect($(el, 'form').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'success');
    expect(host.records.requests.filter((r) => r.endpoint === 'cancelSession')).to.have.length(1);
    expect(host.records.notifications).to.have.length(1);
  });

  it('error: says what went wrong, keeps what was entered, and retries with the same key (one effect)', async () => {
    const el = await mount();
    await fill(el, { note: 'High fever since last night' });
    host.faults.set('cancelSession', { status: 500, times: 1 });
    const failed = oneEvent(el, 'rc-cancel-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await failed).detail).to.include({ retryable: true });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('High fever since last night');
    expect($$<HTMLInputElement>(el, '[part~="slot"] input').filter((b) => b.checked)).to.have.length(2);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry"]').click();
    await waitUntil(() => el.state === 'success');
    const attempts = host.records.requests.filter((r) => r.endpoint === 'cancelSession');
    expect(attempts.map((r) => r.status)).to.deep.equal([500, 200]);
    expect(new Set(attempts.map((r) => r.idempotencyKey)).size).to.equal(1);
    expect(host.records.notifications).to.have.length(1);
  });

  it('a reload after a failure reuses the stored idempotency key', async () => {
    const el = await mount();
    await fill(el);
    host.faults.set('cancelSession', { status: 503 });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'error', 'error after the retries', { timeout: 8000 });
    host.faults.clear();
    const firstKey = host.records.requests.find((r) => r.endpoint === 'cancelSession')!.idempotencyKey;
    const again = await attachWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    await waitUntil(() => again.state === 'ready');
    await fill(again);
    $<HTMLButtonElement>(again, '[part~="submit"]').click();
    await waitUntil(() => again.state === 'success');
    expect(host.records.requests.filter((r) => r.endpoint === 'cancelSession').at(-1)!.idempotencyKey).to.equal(
      firstKey,
    );
  });

  it('a started session has no self-serve path: it explains and sends the reason to the team', async () => {
    const el = await mount('already-started');
    expect(text(el)).to.contain('Ask the team to cancel');
    expect(text(el)).to.contain('start time has passed');
    // Issue 20: the host tells the client once the team acts, so nothing is promised for now.
    expect(text(el)).to.contain('Ben Carter is told by email, text message, and a phone call once the team has acted.');
    expect(text(el)).to.not.contain('told now');
    expect($$(el, '[part~="alternatives"]')).to.have.length(0);
    await fill(el, { note: 'Was taken ill an hour before', slots: 0 });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success');
    expect(host.records.teamRequests.map((t) => t.kind)).to.deep.equal(['session-started']);
    expect(host.state.session('ses-1')?.status).to.equal('scheduled');
    await expect(el).to.be.accessible();
  });

  it("a new client's refund goes to the team, and a written reason is required", async () => {
    const el = await mount('new-client-refund');
    expect(text(el)).to.contain('the platform team reviews it first');
    await fill(el);
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).to.equal(true);
    expect(text(el)).to.contain('Write a reason of at least 10 characters.');
    await fill(el, { note: 'Flu, doctor says a week of rest', slots: 0 });
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).to.equal(false);
  });

  it('shows the frequency warning: this would be the 5th change in 90 days', async () => {
    const el = await mount('near-frequency-threshold');
    const warning = $(el, '[part~="warning"]');
    expect(warning.textContent).to.contain('5th cancellation or rearrangement in 90 days');
    expect(warning.getAttribute('part')).to.contain('warning-critical');
  });

  it('a host response that breaks the contract gives a clear error state, not a crash', async () => {
    host.reset('ordinary-cancellation');
    host.faults.set('getSession', { malformed: true });
    const el = await attachWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    await waitUntil(() => el.state === 'error');
    expect($(el, '[part~="error"]').textContent).to.contain('does not understand');
    await expect(el).to.be.accessible();
  });

  it('switches to German at run time', async () => {
    const el = await mount();
    await setRaincheckLocale('de');
    await el.updateComplete;
    expect(text(el)).to.contain('Sitzung absagen');
    expect(text(el)).to.contain('wird jetzt per E-Mail informiert');
    await expect(el).to.be.accessible();
  });

  it("shows the session's own time too, only when its zone's clock reads differently", async () => {
    const session = (zone: string) => {
      host.reset('ordinary-cancellation');
      (host.state.seed.sessions[0] as { timeZone: string }).timeZone = zone;
      return attachWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    };
    const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const far = viewer === 'Asia/Tokyo' ? 'America/Chicago' : 'Asia/Tokyo';
    const away = await session(far);
    await waitUntil(() => away.state === 'ready');
    const farTime = new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone: far }).format(
      Date.parse(host.state.seed.sessions[0]!.startsAt),
    );
    expect($(away, '[part~="session"]').textContent).to.contain(`(${farTime} in ${far})`);
    const here = await session(viewer);
    await waitUntil(() => here.state === 'ready');
    expect($(here, '[part~="session"]').textContent).not.to.contain(' in ');
  });

  it('follows the dark colour scheme, accessibly', async () => {
    const el = await mount();
    const light = getComputedStyle(el).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(el).backgroundColor).not.to.equal(light);
    await expect(el).to.be.accessible();
  });

  it('registering twice is harmless', async () => {
    await import('@raincheck/elements/define');
    expect(customElements.get('rc-cancel-session')).to.equal((await mount()).constructor);
  });
});
