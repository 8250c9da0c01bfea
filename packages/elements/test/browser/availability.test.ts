import { expect, oneEvent } from '@open-wc/testing';
import { createMockHost, type ScenarioTweaks } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, $$, text, attachWidget, mountWidget, waitUntil } from './widget-harness.js';
import {
  setRaincheckLocale,
  type AvailabilitySessionDetail,
  type AvailabilitySubmitDetail,
  type RcAvailability,
} from '@raincheck/elements';

const host = createMockHost();

/** A therapist about to be away, with sessions 4, 11 and 30 days ahead (the extended-absence scenario). */
async function mount(tweaks: ScenarioTweaks = {}, reset = true): Promise<RcAvailability> {
  if (reset) {
    host.reset('extended-absence', tweaks);
    sessionStorage.clear();
  }
  return mountWidget<RcAvailability>(host, 'rc-availability', { 'therapist-id': 'th-ana' });
}

const writes = (endpoint: string) => host.records.requests.filter((r) => r.endpoint === endpoint);

/** `YYYY-MM-DD`, `days` from today in London (the scenario therapist's zone). */
function londonDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(Date.now() + days * 86_400_000);
}

async function setDate(el: RcAvailability, part: 'from' | 'until', value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `[part~="${part}"]`);
  input.value = value;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Away from today for three weeks; waits for the recommendations and the sessions inside. */
async function awayThreeWeeks(el: RcAvailability): Promise<void> {
  await setDate(el, 'until', londonDay(21));
  await waitUntil(
    () => text(el).includes('Hide your profile until') && $$(el, '[part~="affected-session"]').length > 0,
    'recommendations and sessions',
  );
}

afterEach(async () => {
  host.faults.clear();
  await setRaincheckLocale('en');
});

describe('<rc-availability>', () => {
  it('loading: a status, then the profile; accessible', async () => {
    host.reset('extended-absence');
    host.faults.set('getTherapist', { latencyMs: 300, times: 1 });
    const el = await attachWidget<RcAvailability>(host, 'rc-availability', { 'therapist-id': 'th-ana' });
    expect(el.state).to.equal('loading');
    expect(text(el)).to.contain('Loading your availability');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'ready');
    expect($(el, '[part~="profile"]').textContent).to.contain('Your profile is visible to new clients.');
  });

  it('away for three weeks: hide the profile until the return, tell the team, and the sessions inside; saved once', async () => {
    const el = await mount();
    expect($<HTMLInputElement>(el, '[part~="from"]').value, 'from today by default').to.equal(londonDay(0));
    await awayThreeWeeks(el);
    expect(text(el)).to.contain('What the policy recommends');
    expect(text(el)).to.contain('Tell the platform team');
    expect($(el, '[part~="explanation"]').textContent).to.contain("You'll be away for 21 days");
    // Sessions 4 and 11 days ahead are inside; the one 30 days ahead is not.
    expect($$(el, '[part~="affected-session"]').map((li) => li.textContent.includes('Ben Carter'))).to.deep.equal([
      true,
      true,
    ]);
    expect($<HTMLInputElement>(el, '[part~="hide-profile"] input').checked, 'follows the recommendation').to.equal(
      true,
    );
    expect($<HTMLInputElement>(el, '[part~="inform-team"] input').checked).to.equal(true);
    await expect(el).to.be.accessible();

    const opened = oneEvent(el, 'rc-availability-session');
    $$(el, '[part~="session-action"]')[1]!.click();
    expect(((await opened) as CustomEvent<AvailabilitySessionDetail>).detail).to.deep.equal({
      sessionId: 'ses-1',
      action: 'reschedule',
    });

    const note = $<HTMLTextAreaElement>(el, 'textarea');
    note.value = 'Surgery, then recovery';
    note.dispatchEvent(new Event('input'));
    const submitted = oneEvent(el, 'rc-availability-submit');
    host.faults.set('reportAbsence', { latencyMs: 150, times: 1 });
    const submit = $<HTMLButtonElement>(el, '[part~="submit"]');
    submit.click();
    submit.click();
    const { detail } = (await submitted) as CustomEvent<AvailabilitySubmitDetail>;
    expect(detail.visibility).to.deep.equal({ visible: false, hiddenUntil: londonDay(21) });
    expect(detail.absence).to.include({
      from: londonDay(0),
      until: londonDay(21),
      certainty: 'sure',
      informTeam: true,
    });
    await el.updateComplete;
    expect(el.state).to.equal('submitting');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'success');
    expect(writes('reportAbsence')).to.have.length(1);
    expect(host.records.teamRequests.map((t) => [t.kind, t.reason])).to.deep.equal([
      ['extended-absence', 'Surgery, then recovery'],
    ]);
    expect(host.state.seed.therapists[0]).to.include({ profileVisible: false, hiddenUntil: londonDay(21) });
    expect(text(el)).to.contain('Absence saved');
    expect(text(el)).to.contain('hidden from new clients until');
    expect(text(el)).to.contain('Remember to cancel or rearrange the 2 sessions');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
    await expect(el).to.be.accessible();
  });

  it('"not sure yet": no return date, the profile hidden until shown again, the next 8 weeks of sessions', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, '[part~="unsure"]').click();
    await waitUntil(
      () =>
        text(el).includes('Hide your profile until you are sure') && $$(el, '[part~="affected-session"]').length === 3,
    );
    expect($<HTMLInputElement>(el, '[part~="until"]').disabled).to.equal(true);
    expect(text(el)).to.contain('Your sessions in the next 8 weeks');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success');
    expect(host.state.seed.therapists[0]!.profileVisible).to.equal(false);
    expect(host.state.seed.therapists[0]!.hiddenUntil).to.equal(undefined);
    expect(host.records.teamRequests).to.have.length(1);
  });

  it('a short absence: nothing recommended, nothing hidden, no team request', async () => {
    const el = await mount();
    await setDate(el, 'until', londonDay(3));
    await waitUntil(
      () => $$(el, '[part~="affected-session"]').length === 0 && text(el).includes('No sessions are booked'),
    );
    expect(el.shadowRoot!.querySelector('[part~="decision"]')).to.equal(null);
    expect($<HTMLInputElement>(el, '[part~="hide-profile"] input').checked).to.equal(false);
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success');
    expect(writes('setVisibility')).to.have.length(0);
    expect(host.records.teamRequests).to.have.length(0);
    expect(text(el)).to.contain('Your profile is visible to new clients.');
  });

  it('a return date before the first day: says so and cannot be saved', async () => {
    const el = await mount();
    await setDate(el, 'from', londonDay(5));
    await setDate(el, 'until', londonDay(2));
    expect(text(el)).to.contain('The day you are back must come after your first day away.');
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).to.equal(true);
  });

  it('coming back: the policy recommends showing the profile; done with the keyboard', async () => {
    const el = await mount({ profileVisible: false });
    expect($<HTMLInputElement>(el, 'input[value="back"]').checked, 'a hidden profile opens on "I am back"').to.equal(
      true,
    );
    expect(text(el)).to.contain('Show your profile again so clients can book you.');
    expect($(el, '[part~="explanation"]').textContent).to.contain('Welcome back');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'success');
    expect(text(el)).to.contain('Welcome back');
    expect(host.state.seed.therapists[0]!.profileVisible).to.equal(true);
  });

  it('error half-way: the absence is recorded once when the retry finishes hiding the profile', async () => {
    const el = await mount();
    await awayThreeWeeks(el);
    host.faults.set('setVisibility', { status: 500, times: 1 });
    const failed = oneEvent(el, 'rc-availability-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await failed).detail).to.include({ retryable: true });
    await el.updateComplete;
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect($<HTMLInputElement>(el, '[part~="until"]').value, 'kept').to.equal(londonDay(21));
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry"]').click();
    await waitUntil(() => el.state === 'success');
    const absences = writes('reportAbsence');
    expect(absences.map((r) => r.replayed)).to.deep.equal([false, true]);
    expect(new Set(absences.map((r) => r.idempotencyKey)).size).to.equal(1);
    expect(host.records.teamRequests).to.have.length(1);
    expect(host.state.seed.therapists[0]!.profileVisible).to.equal(false);
  });

  it('a final refusal half-way: saving again replays the recorded absence, never a second one', async () => {
    const el = await mount();
    await awayThreeWeeks(el);
    host.faults.set('setVisibility', { status: 422, times: 1 });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'error');
    expect(el.shadowRoot!.querySelector('[part~="retry"]'), 'a final answer: no retry button').to.equal(null);
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success');
    expect(writes('reportAbsence').map((r) => r.replayed)).to.deep.equal([false, true]);
    expect(host.records.teamRequests).to.have.length(1);
    expect(
      new Set(writes('setVisibility').map((r) => r.idempotencyKey)).size,
      'the refused write is a new intent',
    ).to.equal(2);
  });

  it('speaks German', async () => {
    await setRaincheckLocale('de');
    const el = await mount();
    expect(text(el)).to.contain('Ihre Verfügbarkeit');
    expect(text(el)).to.contain('Ich werde abwesend sein');
  });
});
