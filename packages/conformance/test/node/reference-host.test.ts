import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { mintToken } from '@raincheck/host-api/tokens';
import { runConformance, type ConformanceReport } from '../../src/index.js';
import { serveReferenceHost, type ServedHost } from '../shared/serve-reference-host.js';

// The kit against the reference host, over real HTTP: `raincheck-host serve --fixtures` on PGlite,
// and on PostgreSQL when DATABASE_URL names one (skipped loudly without: PGlite cannot catch a
// missing row lock, which the concurrency checks are about).

const SECRET = 'conformance-seed-secret-at-least-32-bytes-long';

/** Checks that may skip on the reference host, and the reason they must give. */
const MAY_SKIP: Readonly<Record<string, RegExp>> = {
  // Until the reference host serves POST /_fixtures/clock (issue 17):
  'identities.expired-token': /no test clock/,
  'offers.expiry-clock': /no test clock/,
  // Until the contract has a notification history endpoint (issue 17):
  'notifications.after-cancel': /notification history|no test clock/,
  'notifications.follow-up': /notification history|no test clock/,
  'notifications.no-follow-up-once-answered': /notification history|no test clock/,
};

function expectConformant(report: ConformanceReport): void {
  const failed = report.results.filter((r) => r.status === 'fail');
  assert.deepEqual(failed.map((r) => r.id), [], JSON.stringify(failed, null, 2));
  for (const skipped of report.results.filter((r) => r.status === 'skip')) {
    const reason = MAY_SKIP[skipped.id];
    assert.ok(reason, `${skipped.id} skipped: ${skipped.message}`);
    assert.match(skipped.message ?? '', reason);
  }
  assert.ok(report.summary.passed >= 25, `only ${report.summary.passed} passed`);
  assert.equal(report.ok, true);
}

describe('the kit against the reference host (raincheck-host serve --fixtures)', () => {
  describe('on PGlite', () => {
    let dir: string;
    let served: ServedHost;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'rc-conformance-'));
      served = await serveReferenceHost(['--data-dir', join(dir, 'data')]);
    });
    after(async () => {
      await served?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('passes every check it can run, and says why it skips the others', async () => {
      expectConformant(await runConformance({ baseUrl: served.url, fixtures: true }));
    });
  });

  describe('on the documented seed (serve --seed demo), tokens minted with --token-secret', () => {
    let dir: string;
    let served: ServedHost;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'rc-conformance-seed-'));
      served = await serveReferenceHost(['--seed', 'demo', '--data-dir', join(dir, 'data')], { RAINCHECK_TOKEN_SECRET: SECRET });
    });
    after(async () => {
      await served?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('passes what reads or is refused, skips what would change data, and leaves the seed as it was', async () => {
      const report = await runConformance({ baseUrl: served.url, tokenSecret: SECRET });
      assert.deepEqual(report.results.filter((r) => r.status === 'fail').map((r) => r.id), []);
      assert.ok(report.results.find((r) => r.id === 'identities.expired-token')?.status === 'pass', 'the secret mints an expired token');
      for (const skipped of report.results.filter((r) => r.status === 'skip')) assert.match(skipped.message ?? '', /only with --fixtures|only --fixtures sets up|notification history/, skipped.id);
      const token = await mintToken({ tenant: 'practice-a', subject: 'th-ana', role: 'therapist', secret: SECRET });
      const session = (await (await fetch(`${served.url}/sessions/ses-1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { session: { version: string; status: string } };
      assert.deepEqual([session.session.status, session.session.version], ['scheduled', '1']);
    });
  });

  describe('on PostgreSQL', { skip: process.env.DATABASE_URL ? false : 'SKIPPED: no DATABASE_URL, so the reference host on PostgreSQL was not checked (CI starts PostgreSQL)' }, () => {
    const database = `conformance_${process.pid}_${Date.now()}`;
    let admin: pg.Client;
    let served: ServedHost;
    before(async () => {
      admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${database}`;
      served = await serveReferenceHost(['--database-url', url.toString()]);
    });
    after(async () => {
      await served?.stop();
      await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin?.end();
    });

    it('passes every check it can run, concurrent ones on real row locks', async () => {
      expectConformant(await runConformance({ baseUrl: served.url, fixtures: true }));
    });
  });
});
if (!process.env.DATABASE_URL) console.warn('\n*** SKIPPED: no DATABASE_URL, so the conformance kit did not run against the reference host on PostgreSQL. ***\n');
