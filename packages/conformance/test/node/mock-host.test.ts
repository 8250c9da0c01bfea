import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createMockFixturesHost, createMockHost, MOCK_TENANT_SECRETS } from '@raincheck/mock-host';
import { startMockHostServer } from '@raincheck/mock-host/node';
import { runConformance, type ConformanceReport } from '../../src/index.js';
import { ignoringExpiry, withoutKeyCheck } from '../shared/broken-hosts.js';

// The kit against the mock host: in full with fixtures (a fresh practice per scenario, the test
// clock), and on the documented seed (the mock host's own practice, through msw) with the checks
// that would change data skipped.

const byStatus = (report: ConformanceReport, status: string) =>
  report.results.filter((r) => r.status === status).map((r) => r.id);

describe('the kit against the mock host', () => {
  it('with fixtures: every check passes, the test clock and notification history ones included', async () => {
    const host = createMockFixturesHost({ basePath: '/api' });
    const report = await runConformance({
      baseUrl: 'http://mock-host.test/api',
      fetch: (input, init) => host.fetch(new Request(input, init)),
      fixtures: true,
    });
    assert.deepEqual(
      byStatus(report, 'fail'),
      [],
      JSON.stringify(
        report.results.filter((r) => r.status === 'fail'),
        null,
        2,
      ),
    );
    assert.deepEqual(
      byStatus(report, 'skip'),
      [],
      JSON.stringify(
        report.results.filter((r) => r.status === 'skip'),
        null,
        2,
      ),
    );
    assert.ok(byStatus(report, 'pass').includes('offers.expiry-clock'), 'the test clock ran the expiry check');
    assert.ok(byStatus(report, 'pass').includes('notifications.follow-up'), 'the notification history was read');
    assert.equal(report.ok, true);
    assert.equal(report.summary.passed, report.results.length);
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
      assert.deepEqual(
        byStatus(report, 'fail'),
        [],
        JSON.stringify(
          report.results.filter((r) => r.status === 'fail'),
          null,
          2,
        ),
      );
      assert.equal(report.setup, 'seed');
      for (const id of [
        'contract.reads',
        'contract.malformed-request',
        'identities.no-token',
        'identities.other-therapist',
        'identities.other-tenant',
        'identities.team-only',
      ]) {
        assert.ok(byStatus(report, 'pass').includes(id), `${id} passes on the seed`);
      }
      // Valid writes a host lacking the check would apply: never sent to the seed.
      for (const id of [
        'idempotency.key-required',
        'preconditions.if-match-required',
        'preconditions.stale-version',
        're-decision.min-slots',
        'identities.no-token-writes',
        'identities.other-therapist-writes',
        'identities.other-tenant-writes',
        'identities.admin-only',
      ]) {
        assert.match(
          report.results.find((r) => r.id === id)?.message ?? '',
          /runs only with --fixtures/,
          `${id} skips on the seed`,
        );
      }
      assert.match(
        report.results.find((r) => r.id === 'idempotency.replay')?.message ?? '',
        /runs only with --fixtures/,
      );
      assert.match(
        report.results.find((r) => r.id === 'identities.expired-token')?.message ?? '',
        /needs --token-secret/,
      );
      assert.equal(host.state.session('ses-1')?.status, 'scheduled', 'the seed is left as it was');
      assert.equal(host.state.session('ses-1')?.version, '1');
    });

    it('without tokens, every check that needs one skips and names the option', async () => {
      const report = await runConformance({ baseUrl, only: ['identities.team-only', 'contract.reads'] });
      assert.deepEqual(byStatus(report, 'skip'), ['contract.reads', 'identities.team-only']);
      assert.match(
        report.results[0]?.message ?? '',
        /no token for therapist: pass --token-for therapist=TOKEN or --token-secret/,
      );
    });

    it('against a host lacking the key check, leaves the seed as it was', async () => {
      const seeded = createMockHost({ scenario: 'ordinary-cancellation' });
      const report = await runConformance({
        baseUrl: 'https://partner.test/raincheck',
        fetch: withoutKeyCheck(seeded.fetchAt('https://partner.test/raincheck')),
        tokens: await seedTokens(seeded),
      });
      assert.deepEqual(
        byStatus(report, 'fail'),
        [],
        JSON.stringify(
          report.results.filter((r) => r.status === 'fail'),
          null,
          2,
        ),
      );
      assert.equal(seeded.state.session('ses-1')?.status, 'scheduled', 'the seed session was not cancelled');
      assert.equal(seeded.state.session('ses-1')?.version, '1');
    });

    it("mints its expired token for the given therapist token's tenant, so a host ignoring expiry is caught in any tenant", async () => {
      const seeded = createMockHost({ scenario: 'ordinary-cancellation' });
      const fetchSeed = ignoringExpiry(seeded.fetchAt('https://partner.test/raincheck'), MOCK_TENANT_SECRETS);
      // The partner's practice is practice-b here: its therapist's token and its tenant's secret.
      const report = await runConformance({
        baseUrl: 'https://partner.test/raincheck',
        fetch: fetchSeed,
        tokens: { therapist: await seeded.token('other-tenant-therapist') },
        tokenSecret: MOCK_TENANT_SECRETS['practice-b']!,
        seed: { therapistId: 'th-lee' },
        only: ['identities.expired-token'],
      });
      assert.equal(report.results[0]?.status, 'fail', 'a host that takes an expired token fails the check');
      assert.match(report.results[0]?.message ?? '', /expected 401 \(the token expired nine minutes ago\), got 40[34]/);
    });

    it('refuses a seed that a write has changed, loudly, in every check', async () => {
      const seeded = createMockHost({ scenario: 'ordinary-cancellation' });
      const fetchSeed = seeded.fetchAt('https://partner.test/raincheck');
      const tokens = await seedTokens(seeded);
      const read = await fetchSeed('https://partner.test/raincheck/sessions/ses-1', {
        headers: { authorization: `Bearer ${tokens.therapist}` },
      });
      const { session } = (await read.json()) as { session: { version: string } };
      const slots = await fetchSeed(
        `https://partner.test/raincheck/therapists/th-ana/slots?from=${new Date().toISOString()}&to=${new Date(Date.now() + 21 * 86_400_000).toISOString()}`,
        { headers: { authorization: `Bearer ${tokens.therapist}` } },
      );
      const slotIds = ((await slots.json()) as { slots: { id: string }[] }).slots.slice(0, 3).map((s) => s.id);
      const rules = (await (
        await fetchSeed('https://partner.test/raincheck/policy/rules', {
          headers: { authorization: `Bearer ${tokens.therapist}` },
        })
      ).json()) as { id: string; version: string; hash?: string };
      await fetchSeed('https://partner.test/raincheck/sessions/ses-1/cancel', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.therapist}`,
          'content-type': 'application/json',
          'idempotency-key': 'damage',
          'if-match': `"${session.version}"`,
        },
        body: JSON.stringify({
          reason: 'illness',
          note: 'I am unwell and cannot see clients this week; sorry for the short notice.',
          alternativeSlotIds: slotIds,
          refundOffered: false,
          decision: {
            policyId: rules.id,
            policyVersion: rules.version,
            policyHash: rules.hash ?? 'x',
            outcome: 'allowed',
          },
        }),
      });
      assert.equal(seeded.state.session('ses-1')?.status, 'cancelled', 'the test damaged the seed');
      const report = await runConformance({
        baseUrl: 'https://partner.test/raincheck',
        fetch: fetchSeed,
        tokens,
        only: ['contract.reads', 'identities.'],
      });
      assert.equal(report.ok, false);
      for (const result of report.results)
        assert.match(
          result.message ?? '',
          /the documented seed is not as loaded: session ses-1 is "cancelled", not "scheduled"/,
          result.id,
        );
    });
  });
});

/** The mock seed's people's tokens, by the kit's roles. */
async function seedTokens(host: ReturnType<typeof createMockHost>) {
  return {
    therapist: await host.token('therapist'),
    'other-therapist': await host.token('other-therapist'),
    'other-tenant-therapist': await host.token('other-tenant-therapist'),
    'other-tenant-team': await host.token('other-tenant-team'),
    team: await host.token('team'),
    admin: await host.token('admin'),
  };
}
