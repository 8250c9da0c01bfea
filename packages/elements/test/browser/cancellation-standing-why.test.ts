import { expect, fixture, html } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { DecisionEvent, type RcCancellationStanding } from '@raincheck/elements';
import '../../../../playground/src/decision-view.js';
import { $$, mountWidget, waitUntil } from './widget-harness.js';

// A therapist one change from the top threshold: three frequency rules fire at once.

const host = createMockHost();

async function mount(): Promise<{ el: RcCancellationStanding; decision: DecisionEvent['detail'] }> {
  host.reset('near-frequency-threshold');
  let decision: DecisionEvent['detail'] | undefined;
  const listen = (e: Event) => {
    if (e instanceof DecisionEvent) decision = e.detail;
  };
  document.addEventListener('rc-decision', listen);
  const el = await mountWidget<RcCancellationStanding>(host, 'rc-cancellation-standing', { 'therapist-id': 'th-ana' });
  await waitUntil(() => $$(el, '[part~="effect"]').length > 0 && decision, 'the effects of one more change', {
    timeout: 5000,
  });
  document.removeEventListener('rc-decision', listen);
  return { el, decision: decision! };
}

describe('<rc-cancellation-standing>: "Why?"', () => {
  it('says each sentence once: the effect\'s own sentence is not repeated under "Why?", each rule adds what it alone says', async () => {
    const { el } = await mount();
    for (const item of $$(el, '[part~="effect"]')) {
      const said = item.textContent.replace(/\s+/g, ' ');
      const sentences = said
        .replace('Why?', ' ')
        .split(/(?<=\.)\s+/)
        .map((s) => s.trim())
        .filter(Boolean);
      expect(sentences, `no sentence twice in "${said}"`).to.deep.equal([...new Set(sentences)]);
    }
    const warning = $$(el, '[part~="effect"]').find((item) => item.textContent.includes('This would be your 5th'))!;
    expect(warning.textContent.match(/This would be your 5th/g), '"This would be your 5th…" once').to.have.length(1);
    const summary = warning.querySelector('summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect(warning.querySelector('details')!.open).to.equal(true);
    expect(warning.querySelector('details')!.textContent).to.contain('Such changes should be rare.');
    await expect(el).to.be.accessible();
  });

  it('the playground\'s Decision tab shows no refund for the placeholder next change (no "100% (0 GBP)")', async () => {
    const { decision } = await mount();
    const view = await fixture<HTMLElement & { decision: unknown; facts: unknown }>(
      html`<pg-decision-view .decision=${decision.decision} .facts=${decision.facts}></pg-decision-view>`,
    );
    await (view as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(view.textContent).not.to.contain('0 GBP');
    expect(view.textContent).not.to.match(/100 ?%/);
    expect(view.textContent).to.contain('A placeholder for the next change');
    await expect(view).to.be.accessible();
  });
});
