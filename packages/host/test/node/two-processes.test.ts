import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { mintToken } from '@raincheck/host-api/tokens';
import { postgresSkipNotice } from '../shared/databases.js';
import { startServe, type ServeProcess } from '../shared/serve-process.js';

// Two `raincheck-host serve` processes on one PostgreSQL behave as one host: every intent is sent
// three times, to either process at random, many at once. PostgreSQL only: that is where
// transactions really run side by side (PGlite is one process and serialises everything).

const SECRET = 'two-processes-test-secret-at-least-32-bytes';
const skipped = postgresSkipNotice();

/** Runs `tasks` with at most `limit` in flight. */
async function pooled<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}

describe('two host processes on one PostgreSQL', { skip: skipped }, () => {
  const database = `rc_two_processes_${process.pid}`;
  let admin: pg.Client;
  let url: string;
  let hosts: ServeProcess[] = [];
  let token: string;

  before(async () => {
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    const target = new URL(process.env.DATABASE_URL!);
    target.pathname = `/${database}`;
    url = target.href;
    const env = { RAINCHECK_TOKEN_SECRET: SECRET };
    // The first seeds and migrates; the second starts on the same database at the same time as a third would.
    hosts.push(await startServe(['--database-url', url, '--seed', 'demo'], env));
    hosts.push(await startServe(['--database-url', url], env));
    token = await mintToken({
      tenant: 'practice-a',
      subject: 'th-ana',
      role: 'therapist',
      secret: SECRET,
      ttlSeconds: 600,
    });
  });

  after(async () => {
    await Promise.all(hosts.map((host) => host.stop()));
    hosts = [];
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
  });

  it('applies each of hundreds of intents exactly once, answers every repeat alike, and loses no slot', async () => {
    const send = async (path: string, body: unknown, key: string, version?: string) => {
      const host = hosts[Math.floor(Math.random() * hosts.length)]!;
      const response = await fetch(`${host.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
          ...(version ? { 'if-match': `"${version}"` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { key, status: response.status, body: await response.text() };
    };
    const read = async (path: string) =>
      (await fetch(`${hosts[0]!.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<
        Record<string, unknown>
      >;
    const { slots: before } = (await read(
      '/therapists/th-ana/slots?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z',
    )) as { slots: { id: string }[] };
    const decision = { policyId: 'raincheck-default', policyVersion: '1', policyHash: 'x', outcome: 'allowed' };

    const intents: (() => Promise<{ key: string; status: number; body: string }>)[] = [];
    for (let i = 0; i < 600; i++) {
      for (let repeat = 0; repeat < 3; repeat++)
        intents.push(() =>
          send(
            '/team-requests',
            { kind: 'other', therapistId: 'th-ana', reason: `Matter number ${i}.` },
            `matter-${i}`,
          ),
        );
    }
    for (const sessionId of ['ses-1', 'ses-2', 'ses-3']) {
      for (let i = 0; i < 10; i++) {
        const slotId = before[(Number(sessionId.slice(-1)) * 10 + i) % before.length]!.id;
        for (let repeat = 0; repeat < 3; repeat++) {
          intents.push(() =>
            send(
              `/sessions/${sessionId}/reschedule`,
              { slotId, reason: 'illness', note: 'A fever since last night.', decision },
              `move-${sessionId}-${i}`,
              '1',
            ),
          );
        }
      }
    }
    const shuffled = intents
      .map((task) => ({ task, order: Math.random() }))
      .sort((a, b) => a.order - b.order)
      .map(({ task }) => task);
    const answers = await pooled(shuffled, 48);

    assert.ok(
      answers.every((a) => a.status < 500),
      `no 5xx: ${answers
        .filter((a) => a.status >= 500)
        .map((a) => a.body)
        .slice(0, 3)
        .join(' | ')}`,
    );
    const byKey = new Map<string, Set<string>>();
    for (const answer of answers)
      (byKey.get(answer.key) ?? byKey.set(answer.key, new Set()).get(answer.key)!).add(
        `${answer.status} ${answer.body}`,
      );
    assert.deepEqual(
      [...byKey].filter(([, seen]) => seen.size !== 1).map(([key]) => key),
      [],
      'every repeat of a key got the first answer',
    );

    const direct = new pg.Client({ connectionString: url });
    await direct.connect();
    const { rows } = await direct
      .query<{ count: string }>("SELECT count(*)::text AS count FROM team_requests WHERE kind = 'other'")
      .finally(() => direct.end());
    assert.equal(rows[0]!.count, '600', 'one team request per intent');
    for (const sessionId of ['ses-1', 'ses-2', 'ses-3']) {
      const moved = [...byKey].filter(
        ([key, seen]) => key.startsWith(`move-${sessionId}-`) && [...seen][0]!.startsWith('200 '),
      );
      assert.equal(moved.length, 1, `${sessionId} moved by exactly one intent`);
      assert.equal(((await read(`/sessions/${sessionId}`)) as { session: { version: string } }).session.version, '2');
    }
    const { slots: afterwards } = (await read(
      '/therapists/th-ana/slots?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z',
    )) as { slots: { id: string }[] };
    assert.equal(afterwards.length, before.length, 'each move took one slot and freed one: none lost, none doubled');
    const history = ((await read('/therapists/th-ana')) as { history: unknown[] }).history;
    assert.equal(history.length, 3, 'one rearrangement recorded per session');
  });
});
