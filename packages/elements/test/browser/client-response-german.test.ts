import { expect, fixture } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { setRaincheckLocale } from '@raincheck/elements';
import { $$, BASE, text, waitUntil } from './widget-harness.js';

// In German no widget names one gender or uses a slash form; the note beside each offered time said
// "bei Ihrer Therapeutin/Ihrem Therapeuten" (the client-response screenshots, issue 20). The full
// "Ihrer Therapeutin oder Ihrem Therapeuten" took three lines at 360 px, so the note says "Praxiszeit"
// (the practice's time), which names no one.

const host = createMockHost();

afterEach(() => setRaincheckLocale('en'));

it("<rc-client-response> in German: the therapist's time beside each time is 'Praxiszeit', no slash form", async () => {
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
    expect(note).to.match(/Praxiszeit \d\d:\d\d/);
    expect(note).not.to.contain('/');
  }
  await expect(el).to.be.accessible();
});
