import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { $, $$, mountWidget, waitUntil } from './widget-harness.js';

// While a write is on its way the button says "Sending…"; the status that announces it is for screen readers
// only, so a person does not read "Sending…" twice, one under the other.

const host = createMockHost();

afterEach(() => host.faults.clear());

/** The elements a person sees (a box larger than the 1 px of visually hidden text) whose own text is `words`. */
const seen = (el: HTMLElement, words: string) =>
  $$(el, '*').filter((node) => {
    const own = [...node.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('');
    const box = node.getBoundingClientRect();
    return own.trim() === words && box.width > 1 && box.height > 1;
  });

describe('a write on its way', () => {
  it('reads "Sending…" once on screen, and is announced', async () => {
    host.reset('client-offer');
    const el = await mountWidget(host, 'rc-refund-request', { 'session-id': 'ses-1' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="submit"]') !== null, 'the form shows');
    host.faults.set('refundSession', { latencyMs: 60_000, times: 1 });
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'submitting', 'sending');
    expect(seen(el, 'Sending…').map((n) => n.localName)).to.deep.equal(['button']);
    expect($(el, '[role="status"]').textContent.trim()).to.equal('Sending…');
    await expect(el).to.be.accessible();
  });
});
