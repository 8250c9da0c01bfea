import { expect, fixture } from '@open-wc/testing';
import { createMockHost } from '@raincheck/mock-host';
import { sendKeys } from '@web/test-runner-commands';
import '@raincheck/elements/define';
import { $, $$, text, BASE, mountWidget, waitUntil } from './widget-harness.js';
import { setRaincheckLocale, type RcRefundRequest, type RcTeamQueue } from '@raincheck/elements';
import type { Refund } from '@raincheck/host-api/client';

// A refund the refund provider is still carrying out (`pending`) or refused (`failed`) is named as
// such wherever a refund's status shows, never as "declined".

const host = createMockHost();

/**
 * The mock host's answers, with every refund in them at `status`: its own provider always succeeds
 * at once, so a refund on its way or refused is what a real host's provider would leave.
 */
function refundsAt(status: Refund['status']): typeof fetch {
  const fetchHost = host.fetchAt(BASE);
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>).map(([key, inner]) =>
      key === 'refund' && inner && typeof inner === 'object' ? [key, { ...inner, status }] : [key, rewrite(inner)],
    );
    return Object.fromEntries(entries);
  };
  return async (input, init) => {
    const response = await fetchHost(input, init);
    if (!response.headers.get('content-type')?.includes('json')) return response;
    const body = rewrite(await response.json());
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

async function refundRequest(status: Refund['status']): Promise<RcRefundRequest> {
  const el = document.createElement('rc-refund-request');
  el.setAttribute('session-id', 'ses-1');
  el.setAttribute('base-url', BASE);
  el.fetch = refundsAt(status);
  el.getAccessToken = () => host.token('therapist');
  await fixture(el);
  await waitUntil(() => el.state === 'ready', `ready, not ${el.state}: ${text(el)}`);
  return el;
}

beforeEach(() => {
  host.reset('team-queue');
  sessionStorage.clear();
});

afterEach(async () => {
  await setRaincheckLocale('en');
});

describe('a refund on its way or refused, where its status shows', () => {
  it('<rc-refund-request>, pending: "Refund on its way", no second refund; accessible', async () => {
    const el = await refundRequest('pending');
    expect($(el, '[part~="heading"]').textContent).to.equal('Refund on its way');
    expect($(el, '[part~="refund-status"]').textContent).to.contain('The refund of £65.00 is being sent to the client');
    expect(text(el)).to.not.contain('declined');
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('<rc-refund-request>, failed: the platform team is on it, not "declined"; in German too', async () => {
    const el = await refundRequest('failed');
    expect($(el, '[part~="heading"]').textContent).to.equal(
      'The refund could not be issued; the platform team is on it',
    );
    expect($(el, '[part~="refund-status"]').textContent).to.contain('£65.00 could not be issued');
    expect(text(el)).to.not.contain('declined');
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
    await setRaincheckLocale('de');
    await el.updateComplete;
    expect($(el, '[part~="heading"]').textContent).to.contain('Plattform-Team kümmert sich darum');
  });

  for (const [status, label] of [
    ['pending', 'on its way'],
    ['failed', 'could not be issued; the platform team is on it'],
  ] as const) {
    it(`<rc-team-queue>: a ${status} refund reads "${label}", opened by keyboard; accessible`, async () => {
      const el = await mountWidget<RcTeamQueue>(host, 'rc-team-queue', {}, { as: 'team' });
      el.fetch = refundsAt(status);
      const button = $$<HTMLButtonElement>(el, '[part~="open-request"]').find((b) =>
        b.textContent.includes("New client's refund"),
      )!;
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.state === 'detail', 'the request should open');
      await waitUntil(
        () => $(el, '[part~="money"]')?.textContent.includes('Refund of'),
        'the money section should show the refund',
      );
      expect($(el, '[part~="money"]').textContent).to.contain(`Refund of £65.00: ${label}`);
      expect($(el, '[part~="money"]').textContent).to.not.contain('declined');
      await expect(el).to.be.accessible();
    });
  }
});
