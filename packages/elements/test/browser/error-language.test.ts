import { expect } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import type { RcClientResponse } from '@raincheck/elements';
import { $, mountWidget, waitUntil } from './widget-harness.js';

// A failure reads in the language the widget shows now, not the one of the moment it failed: a host that fails
// before the German translations have loaded, or a page that switches language after, still reads German.

const host = createMockHost();

afterEach(() => host.faults.clear());

describe('an error in the language of the page', () => {
  it('a failed load shown in English reads in German once the locale becomes German', async () => {
    host.reset('ordinary-cancellation');
    host.faults.set('getSession', { status: 500 });
    const el = await mountWidget(host, 'rc-cancel-session', { 'session-id': 'ses-1', locale: 'en' });
    expect(el.state).to.equal('error');
    expect($(el, '[part~="error"]').textContent).to.contain('The booking system ran into a problem of its own (500)');
    el.setAttribute('locale', 'de');
    await waitUntil(() => $(el, '[part~="heading"]').textContent === 'Sitzung absagen', 'the widget shows German');
    expect($(el, '[part~="error"]').textContent).to.contain(
      'Im Buchungssystem ist ein eigener Fehler aufgetreten (500)',
    );
    expect($(el, '[part~="retry"]').textContent.trim()).to.equal('Erneut versuchen');
    await expect(el).to.be.accessible();
  });
});

describe("the client's view in German", () => {
  it('a time taken meanwhile reads in German, not in the booking system’s English', async () => {
    host.reset('client-offer');
    const el = await mountWidget<RcClientResponse>(
      host,
      'rc-client-response',
      { token: host.offerTokens.open!, locale: 'de' },
      { as: null },
    );
    await waitUntil(() => $(el, '[part~="heading"]').textContent.includes('abgesagt'), 'the German view shows');
    // The demo offer's first time was taken meanwhile.
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]:not([value="refund"])')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    await waitUntil(() => el.state === 'error', 'the host refuses the taken time');
    expect($(el, '[part~="error"]').textContent.trim()).to.equal(
      'Dieser Termin ist nicht mehr frei. Bitte wählen Sie einen anderen.',
    );
    await expect(el).to.be.accessible();
  });
});

describe('a refusal of who is acting, in German', () => {
  it("the team's queue opened with a therapist's token says in German that this account may not, then quotes the host", async () => {
    host.reset('team-queue');
    await host.ready;
    const el = await mountWidget(host, 'rc-team-queue', { locale: 'de' }, { as: 'therapist' });
    expect(el.state).to.equal('error');
    const error = $(el, '[part~="error"]').textContent;
    expect(error).to.contain('Das Konto, mit dem Sie angemeldet sind, darf das hier nicht sehen oder tun.');
    // Only a list was loaded: nothing is said about a change.
    expect(error).to.not.contain('geändert');
    // The host's own words stay, quoted after the widget's sentence.
    expect(error).to.contain('(This is for the platform team or an admin; you are signed in as a therapist.)');
    expect(el.shadowRoot!.querySelector('[part~="retry"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
