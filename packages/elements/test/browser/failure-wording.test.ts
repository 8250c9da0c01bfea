import { expect, fixture, oneEvent } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { setRaincheckLocale, type RcCancelSession, type WidgetErrorDetail } from '@raincheck/elements';
import { $, BASE, mountWidget, waitUntil } from './widget-harness.js';

// The failure sentences load with each widget's lazy module, not its first load: a failure shows once
// they have (the widget stays as it is until then, so the alert is announced once, worded), and a page
// that cannot load them says so, with "Try again".

const host = createMockHost();
const unreachable: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));

const failureOf = (el: Element) => (el as unknown as { failure: WidgetErrorDetail }).failure;

/** `<rc-cancel-session>`, except that its failures' wording cannot load while `offline` (a redeploy, say). */
let offline = true;
const Base = customElements.get('rc-cancel-session') as unknown as typeof RcCancelSession;
class OfflineCancelSession extends Base {
  protected override importFailureWording() {
    return offline
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      : super.importFailureWording();
  }
}
customElements.define('test-offline-cancel-session', OfflineCancelSession);

/** `<rc-cancel-session>` (or its offline copy) for ses-1, whose host cannot be reached, once it shows its error; with every error text it showed. */
async function failing(
  offlineWording: boolean,
  locale: 'en' | 'de',
): Promise<{ el: RcCancelSession; shown: string[] }> {
  const el = offlineWording ? new OfflineCancelSession() : document.createElement('rc-cancel-session');
  el.setAttribute('session-id', 'ses-1');
  el.setAttribute('base-url', BASE);
  el.setAttribute('locale', locale);
  el.fetch = unreachable;
  el.getAccessToken = () => host.token('therapist');
  const shown: string[] = [];
  const seen = new MutationObserver(() => {
    const alert = el.shadowRoot?.querySelector('[part~="error"] p')?.textContent?.trim();
    if (alert && shown.at(-1) !== alert) shown.push(alert);
  });
  await fixture(el);
  seen.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  await waitUntil(() => el.state === 'error', `<${el.localName}> should end in its error state, not "${el.state}"`, {
    timeout: 8000,
  });
  await el.updateComplete;
  await new Promise((settled) => setTimeout(settled, 50));
  seen.disconnect();
  return { el, shown };
}

beforeEach(() => {
  host.reset('ordinary-cancellation');
  sessionStorage.clear();
  offline = true;
});

afterEach(async () => {
  host.faults.clear();
  await setRaincheckLocale('en');
});

describe('failure wording from the lazy module', () => {
  it('a host that cannot be reached reads as before, in English, announced once', async () => {
    const { el, shown } = await failing(false, 'en');
    expect(failureOf(el)).to.include({ code: 'network', retryable: true });
    expect(shown).to.deep.equal(['The booking system could not be reached. Nothing was lost: try again.']);
    expect($(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect($(el, '[part~="retry"]').textContent.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
  });

  it('… and in German', async () => {
    const { el } = await failing(false, 'de');
    await waitUntil(() => $(el, '[part~="heading"]').textContent === 'Sitzung absagen', 'the widget shows German');
    expect($(el, '[part~="error"] p').textContent.trim()).to.equal(
      'Das Buchungssystem war nicht erreichbar. Es ging nichts verloren: Versuchen Sie es erneut.',
    );
    expect($(el, '[part~="retry"]').textContent.trim()).to.equal('Erneut versuchen');
  });

  it("the team's queue words a queue it could not list, which loads before any request's views", async () => {
    host.reset('team-queue');
    const el = await attachUnreachableQueue();
    expect(failureOf(el)).to.include({ code: 'network', retryable: true });
    expect($(el, '[part~="error"]').textContent).to.contain('The booking system could not be reached.');
  });

  it("a write's error event carries the real wording, as the widget shows it", async () => {
    const el = await mountWidget<RcCancelSession>(host, 'rc-cancel-session', { 'session-id': 'ses-1' });
    $<HTMLInputElement>(el, 'input[name="reason"]').click();
    for (const box of [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="slot"] input')].slice(0, 2))
      box.click();
    await el.updateComplete;
    host.faults.set('cancelSession', { status: 500 });
    const failed = oneEvent(el, 'rc-cancel-error');
    $<HTMLButtonElement>(el, '[part~="submit"]').click();
    const { detail } = (await failed) as CustomEvent<WidgetErrorDetail>;
    expect(detail).to.include({ retryable: true });
    expect(detail.message).to.contain('The booking system ran into a problem of its own (500)');
    expect(detail.message).to.contain('The client was not told anything.');
    await waitUntil(() => el.state === 'error', 'the error state');
    expect($(el, '[part~="error"]').textContent).to.contain(detail.message);
  });
});

describe('failure wording that cannot load', () => {
  for (const [locale, says, retry] of [
    ['en', 'Something went wrong and this page could not load its messages. Nothing was lost: try again.', 'Try again'],
    [
      'de',
      'Etwas ist schiefgegangen, und diese Seite konnte ihre Meldungen nicht laden. Es ging nichts verloren: Versuchen Sie es erneut.',
      'Erneut versuchen',
    ],
  ] as const) {
    it(`says so, with "Try again", which loads it again (${locale})`, async () => {
      const { el, shown } = await failing(true, locale);
      if (locale === 'de')
        await waitUntil(() => $(el, '[part~="heading"]').textContent === 'Sitzung absagen', 'the widget shows German');
      expect(failureOf(el)).to.include({ code: 'network', retryable: true });
      expect($(el, '[part~="error"] p').textContent.trim()).to.equal(says);
      expect(shown.length, 'announced once').to.equal(1);
      expect($(el, '[part~="retry"]').textContent.trim()).to.equal(retry);
      await expect(el).to.be.accessible();
      offline = false;
      $<HTMLButtonElement>(el, '[part~="retry"]').click();
      await waitUntil(
        () => el.state === 'error' && $(el, '[part~="error"] p').textContent.trim() !== says,
        'the real wording, once it loads',
        { timeout: 8000 },
      );
      expect($(el, '[part~="error"]').textContent).to.contain(
        locale === 'en' ? 'The booking system could not be reached.' : 'Das Buchungssystem war nicht erreichbar.',
      );
    });
  }
});

/** `<rc-team-queue>`, whose host cannot be reached, once it shows its error. */
async function attachUnreachableQueue(): Promise<HTMLElement & { state: string }> {
  const el = document.createElement('rc-team-queue') as HTMLElement & { state: string; fetch: typeof fetch };
  el.setAttribute('base-url', BASE);
  el.fetch = unreachable;
  (el as unknown as { getAccessToken: () => Promise<string> }).getAccessToken = () => host.token('team');
  await fixture(el);
  await waitUntil(() => el.state === 'error', 'the queue should end in its error state', { timeout: 8000 });
  return el;
}
