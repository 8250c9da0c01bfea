import { expect, fixture } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import type { Offer } from '@raincheck/host-api';
import { setRaincheckLocale, type RcClientResponse } from '@raincheck/elements';
import { $, $$, BASE, text, waitUntil } from './widget-harness.js';

// The client in New York, the therapist in their own zone: what the client reads about the times.

const host = createMockHost();

/** The open offer as its link shows it. */
async function openOffer(): Promise<Offer> {
  const response = await host.fetchAt(BASE)(`${BASE}/offers/${host.offerTokens.open!}`);
  return ((await response.json()) as { offer: Offer }).offer;
}

/** The client's widget on the open offer, through `through` (default: the mock host as it is). */
async function mount(through: typeof fetch = host.fetchAt(BASE)): Promise<RcClientResponse> {
  const el = document.createElement('rc-client-response');
  el.setAttribute('token', host.offerTokens.open!);
  el.setAttribute('base-url', BASE);
  el.fetch = through;
  await fixture(el);
  await waitUntil(() => el.state !== 'loading', 'loaded', { timeout: 5000 });
  return el;
}

const clock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone }).format(Date.parse(iso));
const hour = (iso: string, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(Date.parse(iso)));

beforeEach(() => {
  host.reset('client-offer');
  sessionStorage.clear();
});
afterEach(() => setRaincheckLocale('en'));

describe('<rc-client-response>: zones and unusual times', () => {
  it('names the zone as people do (the city and its long name), never the raw id, in English and German', async () => {
    const el = await mount();
    expect(text(el)).to.contain('Times are shown in New York time (Eastern Time).');
    expect(text(el)).not.to.contain('America/New_York');
    await expect(el).to.be.accessible();
    await setRaincheckLocale('de');
    el.locale = 'de';
    await waitUntil(() => text(el).includes('Ortszeit New York'), 'German', { timeout: 5000 });
    expect(text(el)).to.contain('Zeiten in Ortszeit New York (Nordamerikanische Ostküstenzeit).');
    expect(text(el)).not.to.contain('America/New_York');
    await expect(el).to.be.accessible();
  });

  it("shows the therapist's time beside each of the client's, and says when a time is early or late for the client", async () => {
    const offer = await openOffer();
    const therapistZone = offer.session.timeZone;
    expect(therapistZone, 'the scenario has the two in different zones').not.to.equal('America/New_York');
    const el = await mount();
    const slots = $$(el, '[part~="slot"]');
    expect(slots).to.have.length(offer.alternatives.length);
    offer.alternatives.forEach((slot, i) => {
      const shown = slots[i]!.textContent.replace(/\s+/g, ' ');
      expect(shown).to.contain(clock(slot.startsAt, 'America/New_York'));
      expect(shown).to.contain(`${clock(slot.startsAt, therapistZone)} for your therapist`);
      const h = hour(slot.startsAt, 'America/New_York');
      if (h < 7) expect(shown).to.contain('early morning for you');
      else if (h >= 21) expect(shown).to.contain('late evening for you');
      else expect(shown).not.to.match(/early morning|late evening/);
    });
    expect(
      offer.alternatives.some(
        (s) => hour(s.startsAt, 'America/New_York') < 7 || hour(s.startsAt, 'America/New_York') >= 21,
      ),
      'the scenario offers an unusual time',
    ).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("does not offer a refund while the therapist's refund waits for the team: says it is with the team, and a time can still be taken by keyboard", async () => {
    const hostFetch = host.fetchAt(BASE);
    // The host's offer while the therapist's refund for the session waits for the team.
    const withTeam: typeof fetch = async (input, init) => {
      const response = await hostFetch(input, init);
      const url = new Request(input, init).url;
      if (!url.includes('/offers/') || (init?.method ?? 'GET') !== 'GET') return response;
      const body = (await response.json()) as { offer: Offer };
      const refund = {
        id: 'ref-9',
        sessionId: body.offer.session.id,
        amount: { amount: 6500, currency: 'GBP' },
        status: 'pending-review' as const,
      };
      return Response.json(
        { offer: { ...body.offer, session: { ...body.offer.session, refund } } },
        { status: response.status },
      );
    };
    const el = await mount(withTeam);
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelector('input[value="refund"]'), 'no refund to choose').to.equal(null);
    expect(text(el)).not.to.contain('A refund of £65.00 instead');
    expect($(el, '[part~="refund-with-team"]').textContent).to.contain(
      'A refund of £65.00 for this session is with the platform team',
    );
    expect(text(el)).to.contain('Choose a new time');
    await expect(el).to.be.accessible();
    const first = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="slot"]:not(:disabled)')!;
    first.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(first.checked).to.equal(true);
    expect($(el, '[part~="submit"]').textContent).to.contain('Book this time');
  });
});
