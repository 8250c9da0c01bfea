import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createMockFixturesHost, createMockHost } from '@raincheck/mock-host';
import { startMockHostServer } from '@raincheck/mock-host/node';
import { runConformance, type ConformanceReport } from '../../src/index.js';

// The kit against the mock host: in full with fixtures (a fresh practice per scenario, the test
// clock), and on the documented seed (the mock host's own practice, through msw) with the checks
// that would change data skipped.

const byStatus = (report: ConformanceReport, status: string) => report.results.filter((r) => r.status === status).map((r) => r.id);

describe('the kit against the mock host', () => {
  it('with fixtures: every check passes but the notification ones, which say the contract has no history endpoint yet', async () => {
    const host = createMockFixturesHost({ basePath: '/api' });
    const report = await runConformance({ baseUrl: 'http://mock-host.test/api', fetch: (input, init) => host.fetch(new Request(input, init)), fixtures: true });
    assert.deepEqual(byStatus(report, 'fail'), [], JSON.stringify(report.results.filter((r) => r.status === 'fail'), null, 2));
    assert.deepEqual(byStatus(report, 'skip'), ['notifications.after-cancel', 'notifications.follow-up', 'notifications.no-follow-up-once-answered']);
    for (const skipped of report.results.filter((r) => r.status === 'skip')) assert.match(skipped.message ?? '', /no session notification history endpoint/);
    assert.ok(byStatus(report, 'pass').includes('offers.expiry-clock'), 'the test clock ran the expiry check');
    assert.equal(report.ok, true);
    assert.equal(report.summary.passed + report.summary.skipped, report.results.length);
  });

  describe('on the documented seed, through msw', () => {
    const host = createMockHost({ scenario: 'ordinary-cancellation' });
    const baseUrl = 'https://partner.test/raincheck';
    const server = startMockHostServer(host, baseUrl);
    after(() => server.close());

    it('runs what only reads or is refused, and skips what would change data, saying so', async () => {
      const tokens = {
        therapist: await host.token('therapist'),
        'other-therapist': await host.token('other-therapist'),
        'other-tenant-therapist': await host.token('other-tenant-therapist'),
        'other-tenant-team': await host.token('other-tenant-team'),
        team: await host.token('team'),
        admin: await host.token('admin'),
      };
      const report = await runConformance({ baseUrl, tokens });
      assert.deepEqual(byStatus(report, 'fail'), [], JSON.stringify(report.results.filter((r) => r.status === 'fail'), null, 2));
      assert.equal(report.setup, 'seed');
      for (const id of ['contract.reads', 'contract.malformed-request', 'idempotency.key-required', 'preconditions.if-match-required', 'preconditions.stale-version', 're-decision.min-slots', 'identities.other-therapist', 'identities.other-tenant', 'identities.team-only']) {
        assert.ok(byStatus(report, 'pass').includes(id), `${id} passes on the seed`);
      }
      assert.match(report.results.find((r) => r.id === 'idempotency.replay')?.message ?? '', /runs only with --fixtures/);
      assert.match(report.results.find((r) => r.id === 'identities.expired-token')?.message ?? '', /needs --token-secret/);
      assert.equal(host.state.session('ses-1')?.status, 'scheduled', 'the seed is left as it was');
      assert.equal(host.state.session('ses-1')?.version, '1');
    });

    it('without tokens, every check that needs one skips and names the option', async () => {
      const report = await runConformance({ baseUrl, only: ['identities.team-only', 'contract.reads'] });
      assert.deepEqual(byStatus(report, 'skip'), ['contract.reads', 'identities.team-only']);
      assert.match(report.results[0]?.message ?? '', /no token for therapist: pass --token-for therapist=TOKEN or --token-secret/);
    });
  });
});
