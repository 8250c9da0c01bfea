import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import type { RcAvailability, RcCancelSession } from '@raincheck/elements';
import { $, mountWidget, text, waitUntil } from './widget-harness.js';

// A partner page that says nothing but `<html lang>`: the widgets follow the page's language.

const host = createMockHost();
const originalLang = document.documentElement.lang;

afterEach(() => {
  document.documentElement.lang = originalLang;
});

describe("the page's lang as the locale", () => {
  it('<html lang="en-GB"> shows British dates (day before month, a 24-hour clock)', async () => {
    document.documentElement.lang = 'en-GB';
    host.reset('ordinary-cancellation');
    const el = await mountWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    expect(el.state).to.equal('ready');
    const shown = text(el);
    expect(shown, 'a British date: "Monday, 7 December 2026"').to.match(
      /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    );
    expect(shown, 'no US 12-hour clock').not.to.match(/\d:\d\d\s?[AP]M/);
    await expect(el).to.be.accessible();
  });

  it('native date inputs carry the locale as their lang, so the browser writes the date as the page does', async () => {
    document.documentElement.lang = 'en-GB';
    host.reset('extended-absence');
    const el = await mountWidget<RcAvailability>(host, 'rc-availability', { 'therapist-id': 'th-ana' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="from"]'), 'the date fields', { timeout: 5000 });
    expect($<HTMLInputElement>(el, '[part~="from"]').lang).to.equal('en-GB');
    expect($<HTMLInputElement>(el, '[part~="until"]').lang).to.equal('en-GB');
    el.locale = 'de-DE';
    await waitUntil(
      () => $<HTMLInputElement>(el, '[part~="from"]').lang === 'de-DE',
      'the inputs follow a new locale',
      { timeout: 5000 },
    );
    await expect(el).to.be.accessible();
  });
});
