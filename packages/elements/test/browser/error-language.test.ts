import { expect, waitUntil } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { $, mountWidget } from './widget-harness.js';

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
