import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { mintToken } from '@raincheck/host-api/tokens';
import { MOCK_IDENTITIES, seedScenario } from '@raincheck/mock-host';
import { createHost } from '../../src/host.js';
import { openDatabase } from '../../src/open-database.js';
import { seedStore } from '../../src/seed.js';
import { migrate } from '../../src/sql/migrate.js';
import { createSqlStore } from '../../src/sql/sql-store.js';
import { verifyWebhook } from '../../src/delivery/webhook-signature.js';
import { CLI, startServe } from '../shared/serve-process.js';

// Delivery as a partner runs it: serve's worker, raincheck-host worker processes, flags refused at
// start, and a worker killed with SIGKILL in the middle of a delivery.

const run = promisify(execFile);
const SECRET = 'cli-delivery-token-secret-at-least-32-bytes';
const HOOK_SECRET = 'cli-delivery-webhook-secret';

describe('raincheck-host delivery', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'raincheck-delivery-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const [flags, says] of [
    [['--smtp-url', 'ftp://mail.example', '--smtp-from', 'a@practice.example'], /--smtp-url/],
    [['--webhook-url', 'sms=ftp://relay.example/sms', '--webhook-secret', 'x'], /--webhook-url/],
    [['--offer-url', 'https://practice.example/offer/{tok}'], /--offer-url.*\{tok\}|placeholder/],
    [['--webhook-url', 'sms=file:///etc/passwd', '--webhook-secret', 'x'], /--webhook-url/],
    [['--smtp-url', 'smtp://127.0.0.1:2525', '--smtp-from', 'not an address'], /--smtp-from/],
  ] as const) {
    it(`refuses ${flags.join(' ')} at start, naming it`, async () => {
      for (const command of [['serve'], ['worker'], ['serve', '--no-worker']]) {
        const error = await run(
          process.execPath,
          [CLI, ...command, '--data-dir', join(dir, `refused-${command.join('')}`), ...flags],
          { env: { ...process.env, DATABASE_URL: '' }, timeout: 15_000 },
        ).then(
          () => assert.fail(`${command.join(' ')} started`),
          (failure: unknown) => failure as { code: number; stderr: string },
        );
        assert.equal(error.code, 2, `${command.join(' ')}: a usage error`);
        assert.match(error.stderr, says);
      }
    });
  }

  it('refuses a worker --lease no longer than its --webhook-timeout, naming both, before it opens a database', async () => {
    const error = await run(
      process.execPath,
      [
        CLI,
        'worker',
        '--data-dir',
        join(dir, 'short-lease'),
        '--lease',
        '5s',
        '--webhook-timeout',
        '30s',
        '--webhook-url',
        'sms=https://relay.example/sms',
        '--webhook-secret',
        HOOK_SECRET,
      ],
      {
        env: { ...process.env, DATABASE_URL: '' },
        // A hang guard, not a deadline: the refusal comes before any database is opened.
        timeout: 120_000,
      },
    ).then(
      () => assert.fail('worker started'),
      (failure: unknown) => failure as { code: number; stderr: string },
    );
    assert.equal(error.code, 2);
    assert.match(
      error.stderr,
      /--lease 5s: .*lease \(5000 ms\) must be longer than its longest delivery attempt \(31000 ms/,
    );
    assert.equal(existsSync(join(dir, 'short-lease')), false, 'no data dir made for a refused command');
  });

  it('serve --seed demo delivers through the log notifier; the history shows it; the test clock moves by POST /_fixtures/clock', async () => {
    const served = await startServe(['--data-dir', join(dir, 'demo'), '--seed', 'demo'], {
      RAINCHECK_TOKEN_SECRET: SECRET,
    });
    try {
      assert.match(served.output(), /Outbox worker on: .*the log/);
      const token = await mintToken({ ...MOCK_IDENTITIES.therapist, secret: SECRET });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const slots = (await (
        await fetch(`${served.url}/therapists/th-ana/slots?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`, {
          headers,
        })
      ).json()) as { slots: { id: string }[] };
      const cancelled = await fetch(`${served.url}/sessions/ses-1/cancel`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': 'demo-cancel', 'if-match': '"1"' },
        body: JSON.stringify({
          reason: 'illness',
          alternativeSlotIds: slots.slots.slice(4, 6).map((s) => s.id),
          refundOffered: false,
          decision: { policyId: 'raincheck-default', policyVersion: '1.1.0', policyHash: 'x', outcome: 'allowed' },
        }),
      });
      assert.equal(cancelled.status, 200, await cancelled.clone().text());
      let statuses: string[] = [];
      for (let i = 0; i < 100 && !statuses.includes('sent'); i++) {
        const history = (await (await fetch(`${served.url}/sessions/ses-1/notifications`, { headers })).json()) as {
          notifications: { kind: string; deliveries: { status: string }[] }[];
        };
        statuses = history.notifications
          .filter((n) => n.kind === 'session-cancelled')
          .flatMap((n) => n.deliveries.map((d) => d.status));
        if (!statuses.includes('sent')) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(
        statuses.length > 0 && statuses.every((s) => s === 'sent'),
        `delivered by serve's own worker: ${statuses.join(', ')}`,
      );
      const moved = await fetch(`${served.url}/_fixtures/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMinutes: 60 * 25 }),
      });
      assert.equal(moved.status, 200);
      const { now } = (await moved.json()) as { now: string };
      assert.ok(Date.parse(now) > Date.now() + 24 * 3_600_000, 'a day ahead');
    } finally {
      await served.stop();
    }
  });

  it('a worker killed with SIGKILL mid-delivery: the next one delivers again, at most once more, under the same key', async () => {
    const dataDir = join(dir, 'killed');
    // A cancel written by the host (no worker), for worker processes to deliver.
    const database = await openDatabase({ dataDir });
    await migrate(database);
    const NOW = Date.now();
    const { offers: _offers, ...seed } = seedScenario('starting-soon', NOW);
    await seedStore(createSqlStore(database), { ...seed, offers: [] });
    const host = await createHost({ database, auth: { secret: SECRET } });
    const token = await mintToken({ ...MOCK_IDENTITIES.therapist, secret: SECRET });
    const slots = (await (
      await host.fetch(
        new Request(`http://host/therapists/th-ana/slots?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      )
    ).json()) as { slots: { id: string }[] };
    const cancelled = await host.fetch(
      new Request('http://host/sessions/ses-1/cancel', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': 'k',
          'if-match': '"1"',
        },
        body: JSON.stringify({
          reason: 'illness',
          alternativeSlotIds: slots.slots.slice(4, 6).map((s) => s.id),
          refundOffered: false,
          decision: { policyId: 'raincheck-default', policyVersion: '1.1.0', policyHash: 'x', outcome: 'allowed' },
        }),
      }),
    );
    assert.equal(cancelled.status, 200);
    await host.close();

    // The receiver holds every request of the first worker unanswered; the second's it answers.
    const received: { key: string; answered: boolean }[] = [];
    let holding = true;
    let firstArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { idempotencyKey } = verifyWebhook(HOOK_SECRET, request.headers, Buffer.concat(chunks));
        received.push({ key: idempotencyKey ?? '', answered: !holding });
        if (holding) firstArrived();
        else response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const workerArgs = [
      CLI,
      'worker',
      '--data-dir',
      dataDir,
      // The held request must outlive the kill: were the first worker's attempt to time out first
      // (a loaded machine answering the arrival late), it would record a retry due 15–30 s later.
      '--lease',
      '14s',
      '--webhook-timeout',
      '6s',
      '--webhook-url',
      `email,sms,phone=${hook}`,
      '--webhook-secret',
      HOOK_SECRET,
    ];
    const env = { ...process.env, RAINCHECK_TOKEN_SECRET: SECRET, DATABASE_URL: '' };
    try {
      const first = spawn(process.execPath, workerArgs, { env });
      await arrived;
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const heldKeys = new Set(received.map((r) => r.key));
      holding = false;
      const second = spawn(process.execPath, workerArgs, { env });
      try {
        for (let i = 0; i < 600 && received.filter((r) => r.answered).length < 3; i++)
          await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        second.kill('SIGTERM');
        await new Promise((resolve) => second.once('exit', resolve));
      }
      const answered = received.filter((r) => r.answered);
      assert.equal(new Set(answered.map((r) => r.key)).size, 3, 'email, SMS and call each delivered');
      assert.equal(answered.length, 3, 'each once by the second worker');
      for (const key of heldKeys)
        assert.ok(
          answered.some((r) => r.key === key),
          `the interrupted ${key} went again under the same key`,
        );
      for (const key of new Set(received.map((r) => r.key)))
        assert.ok(received.filter((r) => r.key === key).length <= 2, `${key}: at most once more`);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
