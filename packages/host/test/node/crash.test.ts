import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { mintToken } from '@raincheck/host-api/tokens';
import { postgresSkipNotice } from '../shared/databases.js';
import { startServe, type ServeProcess } from '../shared/serve-process.js';

// `kill -9` in the middle of a stream of writes: what was acknowledged is kept, nothing is half
// applied, and after a restart every key replays its saved answer (or, if its write never
// committed, applies now, once).

const SECRET = 'crash-test-secret-of-at-least-32-bytes!!';
const ENV = { RAINCHECK_TOKEN_SECRET: SECRET };

async function crashAndReplay(start: (seed: boolean) => Promise<ServeProcess>): Promise<void> {
  const therapist = await mintToken({
    tenant: 'practice-a',
    subject: 'th-ana',
    role: 'therapist',
    secret: SECRET,
    ttlSeconds: 600,
  });
  const team = await mintToken({
    tenant: 'practice-a',
    subject: 'team-zoe',
    role: 'team',
    secret: SECRET,
    ttlSeconds: 600,
  });
  const send = (url: string, i: number) =>
    fetch(`${url}/team-requests`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${therapist}`,
        'content-type': 'application/json',
        'idempotency-key': `crash-${i}`,
      },
      body: JSON.stringify({ kind: 'other', therapistId: 'th-ana', reason: `Matter number ${i}.` }),
    }).then(async (response) => ({ status: response.status, body: await response.text() }));

  const first = await start(true);
  const acknowledged = new Map<number, string>();
  const total = 400;
  let sent = 0;
  // Eight writers at a time; the host is killed once 150 answers are in, with writes still in flight.
  await new Promise<void>((resolve) => {
    let killing = false;
    const writer = async () => {
      while (sent < total && !killing) {
        const i = sent++;
        try {
          const answer = await send(first.url, i);
          if (answer.status === 200) acknowledged.set(i, answer.body);
        } catch {
          // The connection died with the process: this write's fate is decided by the replay.
        }
        if (acknowledged.size >= 150 && !killing) {
          killing = true;
          void first.kill().then(() => resolve());
        }
      }
    };
    for (let w = 0; w < 8; w++) void writer();
  });

  const second = await start(false);
  try {
    for (const [i, body] of acknowledged) {
      const replay = await send(second.url, i);
      assert.equal(replay.status, 200);
      assert.equal(replay.body, body, `key crash-${i} replays its acknowledged answer`);
    }
    for (let i = 0; i < sent; i++) if (!acknowledged.has(i)) assert.equal((await send(second.url, i)).status, 200);
    const list = await fetch(`${second.url}/team-requests?kind=other`, {
      headers: { authorization: `Bearer ${team}` },
    });
    const { teamRequests } = (await list.json()) as { teamRequests: { reason: string }[] };
    const reasons = teamRequests.map((r) => r.reason);
    assert.equal(new Set(reasons).size, reasons.length, 'no intent applied twice');
    assert.equal(reasons.length, sent, 'every intent applied once, before or after the crash');
  } finally {
    await second.stop();
  }
}

describe('kill -9 during writes', () => {
  it('on PGlite: acknowledged writes survive, nothing is doubled, keys replay', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raincheck-crash-'));
    try {
      const dataDir = join(dir, 'data');
      await crashAndReplay((seed) => startServe(['--data-dir', dataDir, ...(seed ? ['--seed', 'demo'] : [])], ENV));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('on PostgreSQL', { skip: postgresSkipNotice() }, () => {
    const database = `rc_crash_${process.pid}`;
    let admin: pg.Client;
    let url: string;
    before(async () => {
      admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${database}`);
      const target = new URL(process.env.DATABASE_URL!);
      target.pathname = `/${database}`;
      url = target.href;
    });
    after(async () => {
      await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin?.end();
    });

    it('acknowledged writes survive, nothing is doubled, keys replay', async () => {
      await crashAndReplay((seed) => startServe(['--database-url', url, ...(seed ? ['--seed', 'demo'] : [])], ENV));
    });
  });
});
