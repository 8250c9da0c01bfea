import { expect, oneEvent } from '@open-wc/testing';
import { createHostClient } from '@raincheck/host-api';
import { createMockHost, type ScenarioName } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { BASE, $, $$, text, mountWidget, waitUntil } from './widget-harness.js';
import { setRaincheckLocale, type RcRescheduleSession, type RescheduleSubmitDetail } from '@raincheck/elements';

const host = createMockHost();

async function mount(scenario: ScenarioName = 'ordinary-cancellation'): Promise<RcRescheduleSession> {
  host.reset(scenario);
  sessionStorage.clear();
  return mountWidget<RcRescheduleSession>(host, 'rc-reschedule-session', { 'session-id': 'ses-1' });
}

const slotInputs = (el: RcRescheduleSession) => $$<HTMLInputElement>(el, '[part~="slot"] input');

afterEach(async () => {
  host.faults.clear();
  await setRaincheckLocale('en');
});

describe('<rc-reschedule-session>', () => {
  it('ready: one new time from a radio group that arrow keys move through; accessible', async () => {
    const el = await mount();
    expect(text(el)).to.contain('Change date and time');
    expect(text(el)).to.contain('Ben Carter is told now by email.');
    const [first, second] = slotInputs(el);
    expect(first!.type).to.equal('radio');
    first!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(second!.checked).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(second);
    expect($<HTMLButtonElement>(el, '[part~="submit"]').disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('success: moves the session and tells the client, once', async () => {
    const el = await mount();
    slotInputs(el)[3]!.click();
    await el.updateComplete;
    const submitted = oneEvent(el, 'rc-reschedule-submit');
    const succeeded = oneEvent(el, 'rc-reschedule-success');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    const { detail } = (await submitted) as CustomEvent<RescheduleSubmitDetail>;
    expect(detail.kind).to.equal('reschedule');
    await succeeded;
    expect(text(el)).to.contain('Session moved');
    expect(host.records.notifications.map((n) => n.kind)).to.deep.equal(['session-rearranged']);
    expect(host.state.session('ses-1')?.version).to.equal('2');
    await expect(el).to.be.accessible();
  });

  it('a slot taken meanwhile: explains, refreshes the free times and clears the choice', async () => {
    const el = await mount();
    const taken = slotInputs(el)[0]!;
    const takenId = taken.value;
    taken.click();
    await el.updateComplete;
    // Someone else books that slot meanwhile.
    host.state.seed.slots['th-ana'] = host.state.seed.slots['th-ana']!.filter((s) => s.id !== takenId);
    const failed = oneEvent(el, 'rc-reschedule-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    expect((await failed).detail.code).to.equal('slot-taken');
    await waitUntil(() => text(el).includes('That time was just taken'));
    expect(slotInputs(el).map((i) => i.value)).not.to.include(takenId);
    expect(slotInputs(el).some((i) => i.checked)).to.equal(false);
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('a session someone else changed (412): shows it as it is now', async () => {
    const el = await mount();
    const other = createHostClient({ baseUrl: BASE, fetch: host.fetchAt(BASE), token: () => host.token('therapist') });
    const { slots } = await other.listSlots({
      therapistId: 'th-ana',
      query: { from: new Date().toISOString(), to: new Date(Date.now() + 20 * 86_400_000).toISOString() },
    });
    const elsewhere = slots.at(-1)!;
    await other.rescheduleSession({
      sessionId: 'ses-1',
      version: '1',
      body: {
        slotId: elsewhere.id,
        decision: { policyId: 'x', policyVersion: '1', policyHash: 'x', outcome: 'allowed' },
      },
    });
    slotInputs(el)[0]!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => text(el).includes('Someone else changed this session'));
    expect($(el, '[part~="session"] time').getAttribute('datetime')).to.equal(elsewhere.startsAt);
  });

  it('a started session goes to the team with the reason', async () => {
    const el = await mount('already-started');
    expect(text(el)).to.contain('Ask the team to rearrange');
    // Issue 20: the client is told when the team acts, not now.
    expect(text(el)).to.contain('once the team has acted');
    expect(text(el)).to.not.contain('told now');
    expect($$(el, '[part~="alternatives"]')).to.have.length(0);
    $<HTMLInputElement>(el, 'input[name="reason"]').click();
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    area.value = 'Flat tyre on the way in';
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'success');
    expect(host.records.teamRequests.map((t) => t.kind)).to.deep.equal(['session-started']);
  });

  it('warns when this would be the 5th change in 90 days, and speaks German', async () => {
    const el = await mount('near-frequency-threshold');
    expect($(el, '[part~="warning"]').textContent).to.contain('5th cancellation or rearrangement');
    await setRaincheckLocale('de');
    await el.updateComplete;
    expect(text(el)).to.contain('Datum und Uhrzeit ändern');
    await expect(el).to.be.accessible();
  });
});
