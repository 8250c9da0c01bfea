import { expect } from '@open-wc/testing';
import type { RcAvailability } from '@raincheck/elements';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { $, mountWidget, text, waitUntil } from './widget-harness.js';

// Chromium shows <input type="date"> in the browser's language whatever its `lang`: the chosen day is also
// written out in the widget's own locale under each input, and describes it.

const host = createMockHost();

async function chooseDays(el: RcAvailability, from: string, until: string): Promise<void> {
  for (const [part, day] of [
    ['from', from],
    ['until', until],
  ] as const) {
    const input = $<HTMLInputElement>(el, `[part~="${part}"]`);
    input.value = day;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
  }
}

/** The text that describes a date input (its `aria-describedby`). */
function description(el: RcAvailability, part: string): string {
  const id = $<HTMLInputElement>(el, `[part~="${part}"]`).getAttribute('aria-describedby');
  expect(id, `the ${part} input is described`).to.be.a('string');
  return el.shadowRoot!.getElementById(id!)!.textContent.trim();
}

afterEach(() => document.documentElement.removeAttribute('lang'));

describe('<rc-availability> date inputs', () => {
  it('on a British page, each chosen day reads in British English under its input', async () => {
    document.documentElement.lang = 'en-GB';
    host.reset('extended-absence');
    const el = await mountWidget<RcAvailability>(host, 'rc-availability', { 'therapist-id': 'th-ana' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="until"]') !== null, 'the dates show');
    await chooseDays(el, '2030-05-02', '2030-05-16');
    expect(description(el, 'from')).to.equal('Thursday, 2 May 2030');
    expect(description(el, 'until')).to.equal('Thursday, 16 May 2030');
    await expect(el).to.be.accessible();
  });

  it('in German, each chosen day reads in German; "not sure yet" leaves the return day unsaid', async () => {
    host.reset('extended-absence');
    const el = await mountWidget<RcAvailability>(host, 'rc-availability', { 'therapist-id': 'th-ana', locale: 'de' });
    await waitUntil(() => text(el).includes('Erster Abwesenheitstag'), 'the German form shows');
    await chooseDays(el, '2030-05-02', '2030-05-16');
    expect(description(el, 'from')).to.equal('Donnerstag, 2. Mai 2030');
    expect(description(el, 'until')).to.equal('Donnerstag, 16. Mai 2030');
    const [fromBox, wordsBox] = [$(el, '[part~="from"]'), $(el, '#from-in-words')].map((n) =>
      n.getBoundingClientRect(),
    );
    expect(wordsBox!.top, 'the day in words sits under its input').to.be.at.least(fromBox!.bottom - 1);
    $<HTMLInputElement>(el, '[part~="unsure"]').click();
    await el.updateComplete;
    expect(description(el, 'until')).to.equal('');
    await expect(el).to.be.accessible();
  });
});
