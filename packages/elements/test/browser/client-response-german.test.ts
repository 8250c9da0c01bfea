import { expect, fixture, waitUntil } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { setRaincheckLocale } from '@raincheck/elements';
import { $$, BASE, text } from './widget-harness.js';

// In German every widget names a therapist as "die Therapeutin oder der Therapeut"; the note beside each
// offered time said "bei Ihrer Therapeutin/Ihrem Therapeuten", the one slash form (the client-response
// screenshots, issue 20).

const host = createMockHost();

afterEach(() => setRaincheckLocale('en'));

it("<rc-client-response> in German: the therapist's time beside each time names 'Ihrer Therapeutin oder Ihrem Therapeuten'", async () => {
  host.reset('client-offer');
  sessionStorage.clear();
  await setRaincheckLocale('de');
  const el = document.createElement('rc-client-response');
  el.setAttribute('token', host.offerTokens.open!);
  el.setAttribute('base-url', BASE);
  el.setAttribute('locale', 'de');
  el.fetch = host.fetchAt(BASE);
  await fixture(el);
  await waitUntil(() => text(el).includes('Ortszeit'), 'in German', { timeout: 5000 });
  const notes = $$(el, '[part~="slot"]').map((slot) => slot.textContent.replace(/\s+/g, ' '));
  expect(notes.length).to.be.greaterThan(0);
  for (const note of notes) {
    expect(note).to.contain('bei Ihrer Therapeutin oder Ihrem Therapeuten');
    expect(note).not.to.contain('/');
  }
  await expect(el).to.be.accessible();
});
