import { expect } from '@open-wc/testing';
import { createHostClient } from '@raincheck/host-api/client';
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';
import { $, text, BASE, mountWidget, waitUntil } from './widget-harness.js';
import { setRaincheckLocale, type RcRefundRequest } from '@raincheck/elements';

// <rc-refund-request> on a session that already has a refund: its fate, not a second refund.

const host = createMockHost();
const team = createHostClient({ baseUrl: BASE, fetch: host.fetchAt(BASE), token: () => host.token('team') });

/** The team-queue scenario's new client's session (ses-1): cancelled, its refund waiting for the team. */
async function mount(): Promise<RcRefundRequest> {
  const el = await mountWidget<RcRefundRequest>(host, 'rc-refund-request', { 'session-id': 'ses-1' });
  // Ready, not an error: the session's refund is not a fact the policy decides on.
  await waitUntil(() => el.state === 'ready', `the widget should be ready, not ${el.state}: ${text(el)}`);
  return el;
}

/** The open request about the new client's refund, resolved by the team as `action`. */
async function resolveAsTeam(action: 'approve-refund' | 'decline-refund', note: string): Promise<void> {
  const { teamRequests } = await team.listTeamRequests({ query: { status: 'open', kind: 'new-client-refund' } });
  await team.resolveTeamRequest({ requestId: teamRequests[0]!.id, body: { action, note } });
}

beforeEach(() => {
  host.reset('team-queue');
  sessionStorage.clear();
});

afterEach(async () => {
  await setRaincheckLocale('en');
});

describe("<rc-refund-request> shows a session's refund", () => {
  it('waiting for the team: says so, offers no second refund; accessible', async () => {
    const el = await mount();
    expect($(el, '[part~="heading"]').textContent).to.equal('With the team for review');
    expect($(el, '[part~="refund-status"]').textContent).to.contain('The platform team reviews the refund of £65.00');
    expect(text(el)).to.contain('With Mia Novak');
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('issued, once the team approved it', async () => {
    await resolveAsTeam('approve-refund', 'Approved');
    const el = await mount();
    expect($(el, '[part~="heading"]').textContent).to.equal('Refund issued');
    expect($(el, '[part~="refund-status"]').textContent).to.contain('£65.00 is on its way back to the client');
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('declined by the team, in English and German', async () => {
    await resolveAsTeam('decline-refund', 'Not a new client after all');
    const el = await mount();
    expect($(el, '[part~="heading"]').textContent).to.equal('Refund declined by the team');
    expect($(el, '[part~="refund-status"]').textContent).to.contain(
      'reviewed the refund of £65.00 and did not issue it',
    );
    expect($(el, '[part~="review-note"]').textContent).to.contain(
      'Not a new client after all',
      'the team’s note, so the therapist knows why',
    );
    expect($(el, '[part~="refund-status"]').textContent).not.to.contain('Ask the team');
    expect(el.shadowRoot!.querySelector('[part~="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
    await setRaincheckLocale('de');
    await el.updateComplete;
    expect($(el, '[part~="heading"]').textContent).to.equal('Vom Team abgelehnte Erstattung');
    expect($(el, '[part~="review-note"]').textContent).to.contain('Notiz des Teams:');
  });
});
