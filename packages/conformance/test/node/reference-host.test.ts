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

/** Every check passes: the clock and notification ones too (the host serves its test clock and history). */
function expectConformant(report: ConformanceReport): void {
  const failed = report.results.filter((r) => r.status === 'fail');
  assert.deepEqual(
    failed.map((r) => r.id),
    [],
    JSON.stringify(failed, null, 2),
  );
  const skipped = report.results.filter((r) => r.status === 'skip');
  assert.deepEqual(
    skipped.map((r) => `${r.id}: ${r.message}`),
    [],
  );
  assert.equal(report.summary.passed, report.results.length);
  assert.equal(report.ok, true);
}

/**
 * serve's delivery: the log on every channel (no SMTP or SMS provider here), so the worker
 * delivers what the notification checks read back as sent.
 */
const DELIVERY = ['--log-notifications'];

describe('the kit against the reference host (raincheck-host serve --fixtures)', () => {
  describe('on PGlite', () => {
    let dir: string;
    let served: ServedHost;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'rc-conformance-'));
      served = await serveReferenceHost([...DELIVERY, '--data-dir', join(dir, 'data')]);
    });
    after(async () => {
      await served?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('passes every check, the test clock and notification history ones included', async () => {
      expectConformant(await runConformance({ baseUrl: served.url, fixtures: true }));
    });
  });

  describe('on the documented seed (serve --seed demo), tokens minted with --token-secret', () => {
    let dir: string;
    let served: ServedHost;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'rc-conformance-seed-'));
      served = await serveReferenceHost(['--seed', 'demo', '--data-dir', join(dir, 'data')], {
        RAINCHECK_TOKEN_SECRET: SECRET,
      });
    });
    after(async () => {
      await served?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('passes what reads or is refused, skips what would change data, and leaves the seed as it was', async () => {
      const report = await runConformance({ baseUrl: served.url, tokenSecret: SECRET });
      assert.deepEqual(
        report.results.filter((r) => r.status === 'fail').map((r) => r.id),
        [],
      );
      assert.ok(
        report.results.find((r) => r.id === 'identities.expired-token')?.status === 'pass',
        'the secret mints an expired token',
      );
      for (const skipped of report.results.filter((r) => r.status === 'skip'))
        assert.match(skipped.message ?? '', /only with --fixtures|only --fixtures sets up/, skipped.id);
      const token = await mintToken({ tenant: 'practice-a', subject: 'th-ana', role: 'therapist', secret: SECRET });
      const session = (await (
        await fetch(`${served.url}/sessions/ses-1`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { session: { version: string; status: string } };
      assert.deepEqual([session.session.status, session.session.version], ['scheduled', '1']);
    });
  });

  describe(
    'on PostgreSQL',
    {
      skip: process.env.DATABASE_URL
        ? false
        : 'SKIPPED: no DATABASE_URL, so the reference host on PostgreSQL was not checked (CI starts PostgreSQL)',
    },
    () => {
      const database = `conformance_${process.pid}_${Date.now()}`;
      let admin: pg.Client;
      let served: ServedHost;
      before(async () => {
        admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${database}`);
        const url = new URL(process.env.DATABASE_URL!);
        url.pathname = `/${database}`;
        served = await serveReferenceHost([...DELIVERY, '--database-url', url.toString()]);
      });
      after(async () => {
        await served?.stop();
        await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin?.end();
      });

      it('passes every check, concurrent ones on real row locks', async () => {
        expectConformant(await runConformance({ baseUrl: served.url, fixtures: true }));
      });
    },
  );
});
if (!process.env.DATABASE_URL)
  console.warn(
    '\n*** SKIPPED: no DATABASE_URL, so the conformance kit did not run against the reference host on PostgreSQL. ***\n',
  );
