import { expect, oneEvent } from '@open-wc/testing';
import { createMockHost, type MockIdentity } from '@raincheck/mock-host';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, $$, text, attachWidget, mountWidget, waitUntil } from './widget-harness.js';
import {
  ResolutionSubmitEvent,
  setRaincheckLocale,
  type RcTeamQueue,
  type ResolutionSubmitDetail,
} from '@raincheck/elements';

const host = createMockHost();

/** The queue of the `team-queue` scenario, as the team (or `as`), loaded. */
async function mount(as: MockIdentity = 'team'): Promise<RcTeamQueue> {
  host.reset('team-queue');
  sessionStorage.clear();
  return mountWidget<RcTeamQueue>(host, 'rc-team-queue', {}, { as });
}

/** The button that opens the listed request of this kind. */
const row = (el: RcTeamQueue, kind: string) => {
  const button = $$<HTMLButtonElement>(el, '[part~="open-request"]').find(
    (b) => b.querySelector('[part~="kind"]')!.textContent === kind,
  );
  if (!button) throw new Error(`no listed request of kind "${kind}" in: ${text(el)}`);
  return button;
};

/** Opens the listed request of this kind, by click. */
async function open(el: RcTeamQueue, kind: string): Promise<void> {
  row(el, kind).click();
  await waitUntil(() => el.state === 'detail', `the ${kind} request should open`);
}

/** Picks a resolution by its label, writes the note, and goes on to the confirm step. */
async function choose(el: RcTeamQueue, label: string, note = ''): Promise<void> {
  const action = $$<HTMLLabelElement>(el, '[part~="action"]').find((l) => l.textContent.trim() === label);
  if (!action) throw new Error(`no action "${label}" in: ${text(el)}`);
  action.querySelector('input')!.click();
  await el.updateComplete;
  if (note) await typeNote(el, note);
  $<HTMLButtonElement>(el, '[part~="continue"]').click();
  await waitUntil(() => el.state === 'confirming');
}

async function typeNote(el: RcTeamQueue, note: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(el, '[part~="note"]');
  area.value = note;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const resolutions = () => host.records.requests.filter((r) => r.endpoint === 'resolveTeamRequest');
/** What has focus in the widget: its part, and for a request's button the request's kind (comparing elements themselves makes chai print whole DOM trees). */
const focused = (el: RcTeamQueue) => {
  const active = el.shadowRoot!.activeElement;
  const kind = active?.querySelector('[part~="kind"]')?.textContent;
  return active ? `${active.getAttribute('part') ?? active.localName}${kind ? `: ${kind}` : ''}` : 'nothing';
};

/** How `<test-team-queue-views>` loads the queue's lazy module: as ever, not at all (offline, a redeploy), or once let go. */
let views: 'load' | 'fail' | 'hold' = 'load';
let letGo: () => void = () => undefined;
const imports: string[] = [];
const Queue = customElements.get('rc-team-queue') as unknown as typeof RcTeamQueue;
class ViewsQueue extends Queue {
  protected override importViews() {
    imports.push(views);
    if (views === 'fail') return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    if (views === 'hold') return new Promise<void>((go) => (letGo = go)).then(() => super.importViews());
    return super.importViews();
  }
}
customElements.define('test-team-queue-views', ViewsQueue);

afterEach(async () => {
  host.faults.clear();
  views = 'load';
  imports.length = 0;
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await setRaincheckLocale('en');
});

describe('<rc-team-queue>', () => {
  it('loading: a status, accessible; then the open requests', async () => {
    host.reset('team-queue');
    host.faults.set('listTeamRequests', { latencyMs: 300, times: 1 });
    const el = await attachWidget<RcTeamQueue>(host, 'rc-team-queue', {}, { as: 'team' });
    expect(el.state).to.equal('loading');
    expect($(el, '[part~="status"]').getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'ready');
  });

  it('ready: open requests of every kind, counted by kind and by age, each with its therapist, session time, age and reason; accessible', async () => {
    const el = await mount();
    expect(el.getAttribute('state')).to.equal('ready');
    const rows = $$(el, '[part~="request"]');
    expect(rows.length).to.be.at.least(4);
    const kinds = rows.map((r) => r.querySelector('[part~="kind"]')!.textContent);
    expect(kinds).to.include.members(["New client's refund", 'Started session', 'Extended absence', 'Other']);
    const counted = (kind: string) => Number($(el, `[part~="count-kind"][data-kind="${kind}"] .number`).textContent);
    for (const kind of ['new-client-refund', 'session-started', 'extended-absence', 'other'])
      expect(counted(kind), kind).to.be.at.least(1);
    const ages = $$(el, '[part~="count-age"] .number').map((n) => Number(n.textContent));
    expect(ages.reduce((a, b) => a + b, 0)).to.equal(rows.length);
    const refund = row(el, "New client's refund");
    expect(refund.textContent).to.contain('th-ana');
    expect(refund.querySelector('time')).to.not.equal(null);
    expect(refund.querySelector('[part~="age"] time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
    expect(refund.querySelector('[part~="age"]')!.textContent).to.match(/minute|hour|ago|now/);
    expect(refund.querySelector('[part~="reason"]')!.textContent.trim()).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('the list waits for its views, imported beside the read: the loading state shows until both are here, then the list in its own look', async () => {
    host.reset('team-queue');
    views = 'hold';
    const el = await attachWidget<RcTeamQueue>(host, 'test-team-queue-views', {}, { as: 'team' });
    expect(imports, 'imported as the load starts').to.deep.equal(['hold']);
    await waitUntil(
      () => host.records.requests.some((r) => r.endpoint === 'listTeamRequests'),
      'the queue is read meanwhile',
    );
    await new Promise((settled) => setTimeout(settled, 100));
    expect(el.state).to.equal('loading');
    expect($(el, '[part~="status"]').textContent).to.contain('Loading the requests');
    expect(el.shadowRoot!.querySelector('[part~="filters"]')).to.equal(null);
    letGo();
    await waitUntil(() => el.state === 'ready', 'the list, once its views are here');
    expect($$(el, '[part~="request"]').length).to.be.at.least(4);
    expect(getComputedStyle($(el, '[part~="filters"]')).display, "the list's styles came with it").to.equal('flex');
    expect(getComputedStyle($(el, '[part~="counts"]')).display).to.equal('grid');
    await expect(el).to.be.accessible();
  });

  it('views that cannot load fail like a host that cannot be reached: the error with Try again, which imports them again', async () => {
    host.reset('team-queue');
    views = 'fail';
    const el = await attachWidget<RcTeamQueue>(host, 'test-team-queue-views', {}, { as: 'team' });
    await waitUntil(() => el.state === 'error', 'the error state', { timeout: 5000 });
    const error = $(el, '[part~="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain(
      'Something went wrong and this page could not load its messages. Nothing was lost: try again.',
    );
    expect($(el, '[part~="heading"]').textContent).to.equal('Team requests');
    expect(el.shadowRoot!.querySelector('[part~="filters"]')).to.equal(null);
    await expect(el).to.be.accessible();
    views = 'load';
    const tries = imports.length;
    $<HTMLButtonElement>(el, '[part~="retry"]').click();
    await waitUntil(() => el.state === 'ready', 'the list, once its views load');
    expect(imports.length, 'Try again imported them again').to.equal(tries + 1);
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    expect($$(el, '[part~="request"]').length).to.be.at.least(4);
    await open(el, 'Started session');
    expect($(el, '[part~="heading"]').textContent).to.equal('Started session');
  });

  it('an empty queue says so, accessibly', async () => {
    host.reset('ordinary-cancellation');
    const el = await mountWidget<RcTeamQueue>(host, 'rc-team-queue', {}, { as: 'team' });
    expect(el.state).to.equal('ready');
    expect($(el, '[part~="empty"]').textContent).to.contain('No open requests.');
    expect(el.shadowRoot!.querySelector('[part~="queue"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opening a request: loading, accessible, then its story', async () => {
    const el = await mount();
    host.faults.set('getTeamRequest', { latencyMs: 300, times: 1 });
    row(el, 'Started session').click();
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect($(el, '[part~="status"]').textContent).to.contain('Loading the request');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'detail');
    expect($(el, '[part~="heading"]').textContent).to.equal('Started session');
  });

  it('filters by kind, and lists the resolved requests with how they were resolved', async () => {
    const el = await mount();
    const kind = $<HTMLSelectElement>(el, '[part~="kind-filter"]');
    kind.value = 'session-started';
    kind.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($$(el, '[part~="request"] [part~="kind"]').map((k) => k.textContent)).to.deep.equal(['Started session']);
    kind.value = '';
    kind.dispatchEvent(new Event('change'));

    const status = $<HTMLSelectElement>(el, '[part~="status-filter"]');
    status.value = 'resolved';
    status.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await waitUntil(() => el.state === 'ready' && el.status === 'resolved');
    const resolved = $$(el, '[part~="request"]');
    expect(resolved.length).to.be.at.least(1);
    expect(resolved[0]!.querySelector('[part~="resolution"]')).to.not.equal(null);
    // Issue 20: a resolved request's age is history, not marked overdue (the demo's is six days old).
    expect(el.shadowRoot!.querySelectorAll('[part~="age-old"]'), 'no resolved request marked overdue').to.have.length(
      0,
    );
    await expect(el).to.be.accessible();
    // A resolved request shows how it was resolved, and offers nothing to do.
    resolved[0]!.querySelector<HTMLButtonElement>('[part~="open-request"]')!.click();
    await waitUntil(() => el.state === 'detail');
    expect($(el, '[part~="resolution"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="form"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("detail: a new client's refund with its whole story, the decision shown and why; focus moves in and back", async () => {
    const el = await mount();
    await open(el, "New client's refund");
    expect(focused(el)).to.equal('heading');
    expect($(el, '[part~="heading"]').textContent).to.equal("New client's refund");
    // The therapist's written reason (the note they wrote with the refund), shown once.
    expect($(el, '[part~="story"] [part~="reason"]').textContent).to.contain('please refund her in full');
    expect(el.shadowRoot!.querySelector('[part~="therapist-note"]')).to.equal(null);
    expect($(el, '[part~="session-and-client"]').textContent).to.contain(
      'Mia Novak: a new client, 0 sessions attended',
    );
    expect($(el, '[part~="money"]').textContent).to.contain("waiting for the team's review");
    const decision = $(el, '[part~="decision"]');
    expect(decision.textContent).to.match(/Policy \S+, version \S+: needs the team/);
    expect($$(el, '[part~="decision"] [part~="effect"]').length).to.be.at.least(1);
    const why = $<HTMLDetailsElement>(el, '[part~="why"]');
    expect(why.open).to.equal(false);
    why.querySelector('summary')!.click();
    await el.updateComplete;
    expect($$(el, '[part~="rule"]').length).to.be.at.least(1);
    const headers = $$(el, '[part~="facts"] th').map((th) => th.textContent);
    expect(headers.slice(0, 4)).to.deep.equal(['Fact', 'Operator', 'Expected', 'Actual']);
    expect($$(el, '[part~="facts"] tbody tr').length).to.be.at.least(1);
    expect($$(el, '[part~="action"]').map((a) => a.textContent.trim())).to.deep.equal([
      'Approve the refund',
      'Decline the refund',
    ]);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part~="back"]').click();
    await waitUntil(() => el.state === 'ready');
    await el.updateComplete;
    expect(focused(el)).to.equal("open-request: New client's refund");
  });

  it('is operable with the keyboard: open a request, choose, confirm, back to the queue', async () => {
    const el = await mount();
    row(el, "New client's refund").focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'detail');
    expect(focused(el)).to.equal('heading');
    $<HTMLInputElement>(el, '[part~="action"] input').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="continue"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'confirming');
    expect(focused(el)).to.equal('confirm-heading');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'done');
    expect(focused(el)).to.equal('heading');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="back"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'ready');
    // The resolved request left the open queue: focus goes to the queue's heading.
    expect($$(el, '[part~="kind"]').map((k) => k.textContent)).to.not.include("New client's refund");
    expect(focused(el)).to.equal('heading');
  });

  it('approving under a double click issues exactly one refund; the events say before and after', async () => {
    const el = await mount();
    await open(el, "New client's refund");
    await choose(el, 'Approve the refund', 'Approved: illness, first session');
    expect(text(el)).to.contain('is refunded to the client now');
    await expect(el).to.be.accessible();
    host.faults.set('resolveTeamRequest', { latencyMs: 200, times: 1 });
    const submitted = oneEvent(el, 'rc-resolution-submit');
    const succeeded = oneEvent(el, 'rc-resolution-success');
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    submit.click();
    submit.click();
    const event = await submitted;
    if (!(event instanceof ResolutionSubmitEvent))
      throw new Error(`rc-resolution-submit should be a ResolutionSubmitEvent, not ${event.constructor.name}`);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail).to.include({
      kind: 'new-client-refund',
      action: 'approve-refund',
      note: 'Approved: illness, first session',
    });
    await el.updateComplete;
    expect(el.state).to.equal('submitting');
    await expect(el).to.be.accessible();
    const { detail } = await succeeded;
    // The answer says the approved refund is pending (the host's refund provider carries it out after the commit).
    expect(detail.refund?.status).to.equal('pending');
    expect(el.state).to.equal('done');
    expect($(el, '[part~="heading"]').textContent).to.equal('Refund of £65.00 issued');
    expect(resolutions()).to.have.length(1);
    const refunds = host.records.refunds.filter((r) => r.sessionId === detail.teamRequest.sessionId);
    expect(refunds.map((r) => r.status)).to.deep.equal(['issued']);
    await expect(el).to.be.accessible();
  });

  it('a cancelled rc-resolution-submit sends nothing', async () => {
    const el = await mount();
    await open(el, "New client's refund");
    await choose(el, 'Approve the refund');
    const veto = (event: Event) => event.preventDefault();
    el.addEventListener('rc-resolution-submit', veto);
    let seen: ResolutionSubmitDetail | undefined;
    el.addEventListener('rc-resolution-submit', (event) => (seen = event.detail));
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await el.updateComplete;
    expect(seen?.action).to.equal('approve-refund');
    expect(el.state).to.equal('confirming');
    expect(resolutions()).to.have.length(0);
    el.removeEventListener('rc-resolution-submit', veto);
  });

  it('declining needs a note for the therapist, which goes with it', async () => {
    const el = await mount();
    await open(el, "New client's refund");
    $$<HTMLLabelElement>(el, '[part~="action"]')
      .find((l) => l.textContent.trim() === 'Decline the refund')!
      .querySelector('input')!
      .click();
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, '[part~="continue"]').disabled).to.equal(true);
    expect(text(el)).to.contain('Write a note to the therapist: why the refund is declined.');
    expect($<HTMLTextAreaElement>(el, '[part~="note"]').required).to.equal(true);
    await expect(el).to.be.accessible();
    await typeNote(el, '   ');
    expect($<HTMLButtonElement>(el, '[part~="continue"]').disabled).to.equal(true);
    await typeNote(el, 'Cancelled for a holiday, not illness');
    $<HTMLButtonElement>(el, '[part~="continue"]').click();
    await waitUntil(() => el.state === 'confirming');
    expect(text(el)).to.contain('Cancelled for a holiday, not illness');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'done');
    expect($(el, '[part~="heading"]').textContent).to.equal('Refund declined');
    expect(resolutions().map((r) => r.body)).to.deep.equal([
      { action: 'decline-refund', note: 'Cancelled for a holiday, not illness' },
    ]);
    expect(host.records.refunds.filter((r) => r.status === 'issued')).to.have.length(0);
  });

  it('a started session can be marked rearranged; an absence is acknowledged (its only resolution, chosen already)', async () => {
    const el = await mount();
    await open(el, 'Started session');
    // A note that says more than the reason is shown as written.
    expect($(el, '[part~="therapist-note"]').textContent).to.contain('Please rearrange it for later this week');
    expect($$(el, '[part~="action"]').map((a) => a.textContent.trim())).to.deep.equal([
      'Mark as rearranged',
      'Cancel the session',
    ]);
    await choose(el, 'Mark as rearranged', 'Moved to Thursday with the client');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'done');
    expect($(el, '[part~="heading"]').textContent).to.equal('Marked as rearranged');
    $<HTMLButtonElement>(el, '[part~="back"]').click();
    await waitUntil(() => el.state === 'ready');

    await open(el, 'Extended absence');
    expect($<HTMLInputElement>(el, '[part~="action"] input').checked).to.equal(true);
    $<HTMLButtonElement>(el, '[part~="continue"]').click();
    await waitUntil(() => el.state === 'confirming');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'done');
    expect($(el, '[part~="heading"]').textContent).to.equal('Acknowledged');
    expect(resolutions().map((r) => (r.body as { action: string }).action)).to.deep.equal([
      'mark-rearranged',
      'acknowledge',
    ]);
  });

  it('a failed resolution keeps the choice; trying again sends the same key, once', async () => {
    const el = await mount();
    await open(el, "New client's refund");
    await choose(el, 'Approve the refund');
    host.faults.set('resolveTeamRequest', { status: 500, times: 1 });
    const failed = oneEvent(el, 'rc-resolution-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await failed).detail).to.include({ retryable: true });
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry"]').click();
    await waitUntil(() => el.state === 'done');
    const keys = new Set(resolutions().map((r) => r.idempotencyKey));
    expect(keys.size).to.equal(1);
    expect(host.records.refunds.filter((r) => r.status === 'issued')).to.have.length(1);
  });

  it('a request resolved meanwhile by someone else: the host refuses, and the request shows how it was resolved', async () => {
    const el = await mount();
    await open(el, "New client's refund");
    await choose(el, 'Approve the refund');
    // A colleague, in another tab, declines it first.
    const other = await mountWidget<RcTeamQueue>(host, 'rc-team-queue', {}, { as: 'team' });
    await open(other, "New client's refund");
    await choose(other, 'Decline the refund', 'Not eligible');
    $<HTMLButtonElement>(other, '[part~="submit"]').click();
    await waitUntil(() => other.state === 'done');

    const failed = oneEvent(el, 'rc-resolution-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await failed).detail).to.include({ retryable: false });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="resolution"]') !== null, 'the request is read again');
    expect(el.state).to.equal('error');
    expect($(el, '[part~="resolution"]').textContent).to.contain('Refund declined');
    expect(el.shadowRoot!.querySelector('[part~="form"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="retry"]')).to.equal(null);
    expect(host.records.refunds.filter((r) => r.status === 'issued')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it("a therapist's token is refused: the host's 403 as a final answer, with no retry", async () => {
    const el = await mount('therapist');
    expect(el.state).to.equal('error');
    const error = $(el, '[part~="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    // The host's own sentence, as every widget words a refusal (internal/failure.ts), not "try again".
    expect(error.textContent).to.contain(
      'This is for the platform team or an admin; you are signed in as a therapist.',
    );
    expect(error.textContent).to.not.match(/try again/i);
    expect(el.shadowRoot!.querySelector('[part~="retry"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="queue"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks German', async () => {
    await setRaincheckLocale('de');
    const el = await mount();
    expect($(el, '[part~="heading"]').textContent).to.equal('Team-Anfragen');
    expect(text(el)).to.contain('Erstattung für neue Klientinnen und Klienten');
    await open(el, 'Erstattung für neue Klientinnen und Klienten');
    expect(text(el)).to.contain('Erstattung genehmigen');
    expect(text(el)).to.contain('wartet auf die Prüfung durch das Team');
    await expect(el).to.be.accessible();
  });

  it('follows the dark colour scheme, accessibly, with its parts themable', async () => {
    const el = await mount();
    const light = getComputedStyle(el).backgroundColor;
    await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect(getComputedStyle(el).backgroundColor).not.to.equal(light);
    await expect(el).to.be.accessible();
    el.style.setProperty('--rc-color-text', 'rgb(1, 2, 3)');
    expect(getComputedStyle($(el, '[part~="heading"]')).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle($(el, '[part~="open-request"]')).transitionDuration).to.equal('0s');
  });
});
