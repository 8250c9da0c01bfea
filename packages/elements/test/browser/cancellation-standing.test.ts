import { expect, oneEvent } from '@open-wc/testing';
import { createMockHost, type ScenarioTweaks } from '@raincheck/mock-host';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, text, attachWidget, mountWidget, waitUntil } from './widget-harness.js';
import { setRaincheckLocale, type DecisionDetail, type RcCancellationStanding } from '@raincheck/elements';

const host = createMockHost();

/** Four changes in the last 90 days (and one older): the next one is the 5th. */
async function mount(tweaks: ScenarioTweaks = {}): Promise<RcCancellationStanding> {
  host.reset('near-frequency-threshold', tweaks);
  return mountWidget<RcCancellationStanding>(host, 'rc-cancellation-standing', { 'therapist-id': 'th-ana' });
}

const thresholdStates = (el: RcCancellationStanding) =>
  [...el.shadowRoot!.querySelectorAll('[part~="threshold"]')].map((li) =>
    li.getAttribute('part')!.replace('threshold ', ''),
  );

afterEach(async () => {
  host.faults.clear();
  await setRaincheckLocale('en');
});

describe('<rc-cancellation-standing>', () => {
  it('loading: a status, then the standing; accessible', async () => {
    host.reset('near-frequency-threshold');
    host.faults.set('getTherapist', { latencyMs: 300, times: 1 });
    const el = await attachWidget<RcCancellationStanding>(host, 'rc-cancellation-standing', {
      'therapist-id': 'th-ana',
    });
    expect(el.state).to.equal('loading');
    expect(text(el)).to.contain('Loading your standing');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.state === 'ready');
  });

  it('ready: the count against the thresholds, what the next change would trigger, and the advice', async () => {
    host.reset('near-frequency-threshold');
    const decided = new Promise<DecisionDetail>((resolve) =>
      document.addEventListener('rc-decision', (e) => resolve((e as CustomEvent<DecisionDetail>).detail), {
        once: true,
      }),
    );
    const el = await mount();
    expect($(el, '[part~="count"]').textContent).to.contain('4 in the last 90 days');
    expect(thresholdStates(el)).to.deep.equal(['threshold-reached', 'threshold-reached', 'threshold-next']);
    expect(text(el)).to.contain('5 or more: a serious warning');
    expect(text(el)).to.contain('If you cancel or rearrange one more session');
    expect(text(el)).to.contain(
      'This would be your 5th cancellation or rearrangement in 90 days. Your profile may be dropped from display.',
    );
    expect(text(el)).to.contain('consider hiding your profile');
    expect($(el, '[part~="advice"]').textContent).to.contain('quality score');
    // The decision is about a hypothetical next cancellation, and says so in its facts.
    const { facts } = await decided;
    expect(facts).to.include({ action: 'cancel' });
    expect(facts.session?.id).to.equal('next-change');
    await expect(el).to.be.accessible();
    // Read-only, but each effect's explanation opens from the keyboard.
    const why = $(el, '[part~="explanation"] summary');
    why.focus();
    await sendKeys({ press: 'Enter' });
    expect($<HTMLDetailsElement>(el, '[part~="explanation"]').open).to.equal(true);
  });

  it('no recent changes: nothing reached, and one more would trigger nothing', async () => {
    const el = await mount({ recentChanges: 0 });
    expect($(el, '[part~="count"]').textContent).to.contain('0 in the last 90 days');
    expect(thresholdStates(el)).to.deep.equal(['threshold-ahead', 'threshold-ahead', 'threshold-ahead']);
    expect(text(el)).to.contain('2 more to go');
    expect(text(el)).to.contain('One more cancellation or rearrangement would not trigger a warning.');
    expect(el.shadowRoot!.querySelector('[part~="decision"]')).to.equal(null);
  });

  it('other rules: the thresholds and the next change follow them', async () => {
    const el = await mount();
    const file = structuredClone(defaultRuleFiles['frequency-thresholds.json']) as {
      rules: {
        id: string;
        conditions: { all: { fact: string; value: unknown }[] };
        event: { params: { threshold?: number } };
      }[];
    };
    const critical = file.rules.find((r) => r.id === 'fifth-change-in-90-days')!;
    critical.event.params.threshold = 6;
    critical.conditions.all.find((c) => c.fact === 'cancellationsInWindow')!.value = 6;
    const redecided = oneEvent(el, 'rc-decision');
    el.rules = { from: 'inline', files: { ...defaultRuleFiles, 'frequency-thresholds.json': file } };
    await redecided;
    await el.updateComplete;
    expect(thresholdStates(el)).to.deep.equal(['threshold-reached', 'threshold-reached', 'threshold-ahead']);
    expect(text(el)).to.contain('6 or more: a serious warning');
    expect(text(el)).not.to.contain('Your profile may be dropped from display');
  });

  it('error: says what went wrong and tries again', async () => {
    host.reset('near-frequency-threshold');
    host.faults.set('getTherapist', { status: 500, times: 1 });
    const el = await attachWidget<RcCancellationStanding>(host, 'rc-cancellation-standing', {
      'therapist-id': 'th-ana',
    });
    await waitUntil(() => el.state === 'error');
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="retry"]').click();
    await waitUntil(() => el.state === 'ready');
    expect($(el, '[part~="count"]').textContent).to.contain('4 in the last 90 days');
  });

  it('speaks German', async () => {
    await setRaincheckLocale('de');
    const el = await mount();
    expect(text(el)).to.contain('Ihre Absagen und Verlegungen');
    expect(text(el)).to.contain('4 in den letzten 90 Tagen');
  });
});
