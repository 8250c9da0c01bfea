import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHostClient, HostResponseError, type DecisionShown, type HostClient } from '@raincheck/host-api';
import { mintToken } from '@raincheck/host-api/tokens';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { seedScenario } from '@raincheck/mock-host';
import { createHost, listen, seedStore, type Host, type RunningHost } from '../../src/index.js';
import type { StoredAuditEntry } from '../../src/core/store.js';
import { createSqlStore } from '../../src/sql/sql-store.js';
import { migrate } from '../../src/sql/migrate.js';
import { freshPglite, freshPostgres, postgresSkipNotice, type TestDatabase } from '../shared/databases.js';

// The reference host over HTTP (@hono/node-server on loopback), on PGlite and on PostgreSQL: the
// same requests, the same answers.

const NOW = Date.parse('2027-06-01T09:00:00Z');
const SECRETS: Record<string, string> = {
  'practice-a': 'a-secret-of-practice-a-at-least-32-bytes',
  'practice-b': 'a-secret-of-practice-b-at-least-32-bytes',
};
const shown: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};
const token =
  (subject: string, role: 'therapist' | 'team' | 'admin' = 'therapist', tenant = 'practice-a') =>
  () =>
    mintToken({ tenant, subject, role, secret: SECRETS[tenant]!, now: () => NOW });

async function startHost(
  database: TestDatabase,
): Promise<RunningHost & { readonly db: TestDatabase['db']; readonly policy: Host['policy'] }> {
  await migrate(database.db);
  const { offers: _offers, ...seed } = seedScenario('extended-absence', NOW);
  await seedStore(createSqlStore(database.db), { ...seed, offers: [] });
  const host = await createHost({
    database: { ...database.db, close: database.drop },
    auth: { secret: (tenant) => SECRETS[tenant] },
    now: () => NOW,
  });
  return { ...(await listen(host)), db: database.db, policy: host.policy };
}

function referenceHostSuite(name: string, open: () => Promise<TestDatabase>): void {
  describe(`the reference host on ${name}`, () => {
    let running: RunningHost & { readonly db: TestDatabase['db']; readonly policy: Host['policy'] };
    let ana: HostClient;
    before(async () => {
      running = await startHost(await open());
      ana = createHostClient({ baseUrl: running.url, token: token('th-ana'), retries: 0 });
    });
    after(() => running?.close());

    it('answers the health check, and refuses what it cannot serve with a clear 4xx', async () => {
      assert.equal((await fetch(`${running.url}/healthz`)).status, 200);
      const anonymous = await fetch(`${running.url}/sessions/ses-1`);
      assert.equal(anonymous.status, 401);
      assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'token-missing');
      assert.equal((await fetch(`${running.url}/no/such/route`)).status, 404);
      const headers = {
        authorization: `Bearer ${await token('th-ana')()}`,
        'idempotency-key': 'k-1',
        'if-match': '"1"',
      };
      const huge = await fetch(`${running.url}/sessions/ses-1/cancel`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'x'.repeat(70_000) }),
      });
      assert.equal(huge.status, 413);
      const wrongType = await fetch(`${running.url}/sessions/ses-1/cancel`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/plain' },
        body: '{}',
      });
      assert.equal(wrongType.status, 415);
      const notJson = await fetch(`${running.url}/sessions/ses-1/cancel`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{',
      });
      assert.equal(notJson.status, 400);
      assert.equal((await ana.getSession({ sessionId: 'ses-1' })).session.version, '1', 'nothing was written');
    });

    it('keeps each therapist and tenant to their own', async () => {
      const omar = createHostClient({ baseUrl: running.url, token: token('th-omar'), retries: 0 });
      const lee = createHostClient({
        baseUrl: running.url,
        token: token('th-lee', 'therapist', 'practice-b'),
        retries: 0,
      });
      for (const stranger of [omar, lee]) {
        await assert.rejects(
          stranger.getSession({ sessionId: 'ses-1' }),
          (error: unknown) => error instanceof HostResponseError && error.status === 403,
        );
      }
    });

    it('cancels once under twenty concurrent repeats of one intent, and once under twenty racing intents', async () => {
      const { session } = await ana.getSession({ sessionId: 'ses-1' });
      const { slots } = await ana.listSlots({
        therapistId: 'th-ana',
        query: { from: '2027-06-01T00:00:00Z', to: '2027-06-30T00:00:00Z' },
      });
      const body = {
        reason: 'illness' as const,
        note: 'A fever since last night.',
        alternativeSlotIds: slots.slice(0, 2).map((s) => s.id),
        refundOffered: false,
        decision: shown,
      };
      const repeats = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          ana.cancelSession({ sessionId: 'ses-1', version: session.version, idempotencyKey: 'one-intent', body }),
        ),
      );
      assert.equal(repeats.filter((r) => r.status === 'fulfilled').length, 20, 'every repeat gets the first answer');
      const tokens = new Set(
        repeats.map((r) => (r as PromiseFulfilledResult<{ offer: { token: string } | null }>).value.offer?.token),
      );
      assert.equal(tokens.size, 1, 'one offer, replayed');
      const after = await ana.getTherapist({ therapistId: 'th-ana' });
      assert.equal(after.history.filter((h) => h.sessionId === 'ses-1').length, 1, 'one history entry');
      const late = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) =>
          ana.cancelSession({ sessionId: 'ses-1', version: session.version, idempotencyKey: `late-${i}`, body }),
        ),
      );
      assert.ok(
        late.every((r) => r.status === 'rejected' && r.reason instanceof HostResponseError && r.reason.status === 412),
        'the version moved on: every later intent is stale',
      );
      const other = (await ana.getSession({ sessionId: 'ses-2' })).session;
      const racing = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          ana.cancelSession({
            sessionId: 'ses-2',
            version: other.version,
            idempotencyKey: `racer-${i}`,
            body: { ...body, alternativeSlotIds: slots.slice(2, 4).map((s) => s.id) },
          }),
        ),
      );
      const statuses = racing.map((r) =>
        r.status === 'fulfilled' ? 200 : r.reason instanceof HostResponseError ? r.reason.status : String(r.reason),
      );
      assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 412).length, 19, statuses.join(' '));
    });

    it('decides under a version an admin published, in this process and in another one on the same database', async () => {
      const admin = createHostClient({ baseUrl: running.url, token: token('admin-ida', 'admin'), retries: 0 });
      const files = structuredClone(defaultRuleFiles) as Record<
        string,
        { rules: { id: string; event: { params: Record<string, unknown> } }[] }
      >;
      for (const file of Object.values(files))
        for (const rule of file.rules) if (rule.id === 'offer-alternatives-on-cancel') rule.event.params.minSlots = 3;
      const published = await admin.publishRules({ body: { id: 'practice-a-rules', version: '2027.1', files } });
      assert.equal((await ana.getRules({})).hash, published.hash);
      const another = await createHost({
        database: { ...running.db, close: () => Promise.resolve() },
        auth: { secret: (tenant) => SECRETS[tenant] },
        now: () => NOW,
      });
      const response = await another.fetch(
        new Request('http://host/policy/rules', { headers: { authorization: `Bearer ${await token('th-ana')()}` } }),
      );
      assert.equal(
        ((await response.json()) as { hash: string }).hash,
        published.hash,
        'the version lives in the database, not in the process',
      );
      await another.close();
      const lee = createHostClient({
        baseUrl: running.url,
        token: token('th-lee', 'therapist', 'practice-b'),
        retries: 0,
      });
      assert.equal((await lee.getRules({})).hash, running.policy.hash, 'another practice keeps the default');
    });

    it('publishes one of two versions raced under one name with other files, and rolls back by publishing again', async () => {
      const admin = createHostClient({ baseUrl: running.url, token: token('admin-ida', 'admin'), retries: 0 });
      const asking = (minSlots: number) => {
        const files = structuredClone(defaultRuleFiles) as Record<
          string,
          { rules: { id: string; event: { params: Record<string, unknown> } }[] }
        >;
        for (const file of Object.values(files))
          for (const rule of file.rules)
            if (rule.id === 'offer-alternatives-on-cancel') rule.event.params.minSlots = minSlots;
        return files;
      };
      const raced = await Promise.allSettled(
        [4, 5].map((minSlots) =>
          admin.publishRules({ body: { id: 'practice-a-rules', version: 'raced', files: asking(minSlots) } }),
        ),
      );
      const won = raced.filter((o) => o.status === 'fulfilled');
      assert.equal(won.length, 1, JSON.stringify(raced.map((o) => o.status)));
      assert.ok(
        raced.some((o) => o.status === 'rejected' && o.reason instanceof HostResponseError && o.reason.status === 409),
      );
      assert.equal((await ana.getRules({})).hash, (won[0] as PromiseFulfilledResult<{ hash?: string }>).value.hash);
      const earlier = await admin.publishRules({
        body: { id: 'practice-a-rules', version: '2027.1', files: asking(3) },
      });
      assert.equal((await ana.getRules({})).hash, earlier.hash, 'publishing an earlier version again makes it current');
    });

    it('keeps no offer link readable in the database, and audits a client’s answer under the practice', async () => {
      const { slots } = await ana.listSlots({
        therapistId: 'th-ana',
        query: { from: '2027-06-01T00:00:00Z', to: '2027-06-30T00:00:00Z' },
      });
      const { session } = await ana.getSession({ sessionId: 'ses-3' });
      const body = {
        reason: 'illness' as const,
        note: 'A fever since last night.',
        alternativeSlotIds: slots.slice(4, 7).map((s) => s.id),
        refundOffered: false,
        decision: shown,
      }; // three: the version published above asks for three
      const { offer } = await ana.cancelSession({
        sessionId: 'ses-3',
        version: session.version,
        idempotencyKey: 'link-cancel',
        body,
      });
      const link = offer!.token;
      const replay = await ana.cancelSession({
        sessionId: 'ses-3',
        version: session.version,
        idempotencyKey: 'link-cancel',
        body,
      });
      assert.equal(replay.offer?.token, link, 'a retry still gets its link back');
      const rows = await running.db.query<{ text: string }>(
        'SELECT body AS text FROM idempotency_keys UNION ALL SELECT data::text FROM offers UNION ALL SELECT data::text FROM audit_log UNION ALL SELECT scope FROM idempotency_keys',
      );
      assert.ok(
        rows.length > 0 && rows.every((row) => !row.text.includes(link)),
        'the token is in no saved answer, offer or audit entry',
      );
      assert.ok(
        rows.every((row) => !row.text.includes('link-cancel')),
        'nor is the idempotency key that seals the answer',
      );
      const client = createHostClient({ baseUrl: running.url, retries: 0 });
      await client.answerOffer({ token: link, body: { choice: 'alternative', slotId: slots[4]!.id } });
      const [answered] = await running.db.query<{ tenant_id: string | null }>(
        "SELECT tenant_id FROM audit_log WHERE data->>'endpoint' = 'answerOffer'",
      );
      assert.equal(answered?.tenant_id, 'practice-a');
      const before = (await running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;
      for (let i = 0; i < 5; i++)
        await client
          .answerOffer({ token: `guess${i}AAAAAAAAAAAAAAAAA`, body: { choice: 'refund' } })
          .catch(() => undefined);
      assert.equal(
        (await running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n,
        before,
        'guessed links leave nothing behind',
      );
    });

    it('audits every write: who, what the widget showed beside the host’s decision and trace, and refusals', async () => {
      const entries = (
        await running.db.query<{ data: StoredAuditEntry; mismatch: boolean }>(
          "SELECT data, mismatch FROM audit_log WHERE data->>'endpoint' = 'cancelSession' ORDER BY seq",
        )
      ).map((row) => row.data);
      const done = entries.filter((entry) => entry.status === 200);
      assert.equal(
        done.length,
        3,
        'one per cancellation that happened (ses-1, ses-2 and ses-3 once each): replays are not new writes',
      );
      const first = done[0]!;
      assert.deepEqual(first.actor, { role: 'therapist', subject: 'th-ana' });
      assert.equal(first.tenant, 'practice-a');
      assert.deepEqual(first.shown, shown);
      assert.equal(first.mismatch, true, 'the widget said it decided with policy hash "x"');
      assert.equal(first.decisions[0]!.policy.hash, running.policy.hash);
      assert.ok(first.decisions[0]!.rules.length > 0, 'with the rules that fired');
      assert.ok(
        entries.some((entry) => entry.status === 412 && entry.errorCode === 'version-mismatch'),
        'refused writes are kept too',
      );
    });
  });
}

referenceHostSuite('PGlite', freshPglite);

const skipped = postgresSkipNotice();
describe('PostgreSQL', { skip: skipped }, () => {
  referenceHostSuite('PostgreSQL', async () => (await freshPostgres())!);
});
