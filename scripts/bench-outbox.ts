// The outbox: from a write's commit to the first delivery attempt of its row, p50 / p99, with one
// and three workers, on PGlite (in memory) and on PostgreSQL; beside it the commit of the same
// write, measured in the same loop. "woken": the worker inside the writing serve process is woken
// by the commit (the others poll); "polling": every worker finds it at its next poll (the default
// 1 s), as separate `raincheck-host worker` processes do. Workers run in this process, each on its own
// pool (PostgreSQL) so their claims really race. Then the outbox's throughput through real SMTP to
// this machine's own sink. Part of `npm run bench`; alone:
//   node --import tsx scripts/bench-outbox.ts
// Prints figures, asserts nothing; refuses a row where any row was not delivered exactly once.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { seedScenario } from '@raincheck/mock-host';
import { createDefaultPolicy } from '@raincheck/policy/rules';
import type { OutboxRow } from '../packages/host/src/core/outbox.js';
import type { Notifier } from '../packages/host/src/delivery/types.js';
import { createOutboxWorker, type OutboxWorker } from '../packages/host/src/outbox/worker.js';
import { createEmailNotifier } from '../packages/host/src/delivery/email-notifier.js';
import { renderMessage } from '../packages/host/src/delivery/render-message.js';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { seedStore } from '../packages/host/src/seed.js';
import type { Db } from '../packages/host/src/sql/db.js';
import { migrate } from '../packages/host/src/sql/migrate.js';
import { pgliteDb } from '../packages/host/src/sql/pglite-db.js';
import { postgresDb } from '../packages/host/src/sql/postgres-db.js';
import { createSqlStore } from '../packages/host/src/sql/sql-store.js';

const ROWS = Number(process.env.BENCH_OUTBOX_ROWS ?? 200);
/** Between two writes: a steady trickle, not a burst. */
const SPACING_MS = 10;
const NOW = Date.parse('2027-06-01T09:00:00Z');

interface Row {
  readonly label: string;
  readonly commit: { p50: number; p99: number };
  readonly latency: { p50: number; p99: number } | null;
  readonly refused?: string;
}

const quantiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
};
const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

/** One configuration: `dbs()` gives each worker (and the writer, the first) its database handle. */
async function measure(label: string, dbs: readonly Db[], workers: number, woken: boolean): Promise<Row> {
  const [writerDb] = dbs;
  const writer = createSqlStore(writerDb!);
  const committedAt = new Map<string, number>();
  const firstAttempt = new Map<string, number>();
  const attempts = new Map<string, number>();
  const notifier: Notifier = {
    channels: ['email'],
    deliver: (message) => {
      const now = performance.now();
      if (!firstAttempt.has(message.id)) firstAttempt.set(message.id, now);
      attempts.set(message.id, (attempts.get(message.id) ?? 0) + 1);
      return Promise.resolve({});
    },
  };
  const policy = createDefaultPolicy();
  const running: OutboxWorker[] = Array.from({ length: workers }, (_, i) =>
    createOutboxWorker({
      store: createSqlStore(dbs[i % dbs.length]!),
      policy: () => policy,
      notifiers: [notifier],
      render: () => ({ subject: 's', text: 't', html: 'h', sms: 's' }),
      onError: () => undefined,
    }),
  );
  for (const worker of running) worker.start();
  const commits: number[] = [];
  const prefix = `${label.replace(/\W+/g, '-')}-${Date.now()}`;
  for (let i = 0; i < ROWS; i++) {
    const at = new Date().toISOString();
    const id = `${prefix}-${i}`;
    const row: OutboxRow = {
      id,
      tenant: 'practice-a',
      kind: 'message',
      message: 'session-rearranged',
      channel: 'email',
      sessionId: 'ses-1',
      clientId: 'cli-ben',
      effectId: id,
      dedupeKey: id,
      createdAt: at,
      runAt: at,
      deadlineAt: at,
      attempts: 0,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      escalatedAt: null,
      outcome: null,
      doneAt: null,
    };
    const started = performance.now();
    await writer.write((tx) => tx.addOutbox(row));
    const committed = performance.now();
    commits.push(committed - started);
    committedAt.set(id, committed);
    if (woken) running[0]!.wake();
    await sleep(SPACING_MS);
  }
  for (let waited = 0; firstAttempt.size < ROWS && waited < 10_000; waited += 50) await sleep(50);
  await Promise.all(running.map((worker) => worker.stop()));
  const twice = [...attempts.values()].filter((n) => n > 1).length;
  const commit = quantiles(commits);
  if (firstAttempt.size < ROWS || twice > 0)
    return {
      label,
      commit,
      latency: null,
      refused: `${firstAttempt.size} of ${ROWS} delivered, ${twice} more than once`,
    };
  return { label, commit, latency: quantiles([...committedAt].map(([id, at]) => firstAttempt.get(id)! - at)) };
}

const THROUGHPUT_ROWS = Number(process.env.BENCH_OUTBOX_THROUGHPUT_ROWS ?? 500);

/** An SMTP sink in this process that counts and discards what it receives. */
async function smtpSink(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Outbox throughput: `THROUGHPUT_ROWS` due email rows drained by `workers` through real SMTP (pooled) to the sink. */
async function throughput(label: string, dbs: readonly Db[], workers: number): Promise<string> {
  const sink = await smtpSink();
  const email = createEmailNotifier({ smtpUrl: sink.url, from: 'Bench <bench@practice.example>' });
  try {
    const writer = createSqlStore(dbs[0]!);
    const at = new Date().toISOString();
    const prefix = `tp-${label.replace(/\W+/g, '-')}-${Date.now()}`;
    await writer.write(async (tx) => {
      for (let i = 0; i < THROUGHPUT_ROWS; i++) {
        const id = `${prefix}-${i}`;
        await tx.addOutbox({
          id,
          tenant: 'practice-a',
          kind: 'message',
          message: 'session-rearranged',
          channel: 'email',
          sessionId: 'ses-1',
          clientId: 'cli-ben',
          effectId: id,
          dedupeKey: id,
          createdAt: at,
          runAt: at,
          deadlineAt: null,
          attempts: 0,
          lockedBy: null,
          lockedUntil: null,
          lastError: null,
          escalatedAt: null,
          outcome: null,
          doneAt: null,
        });
      }
    });
    const policy = createDefaultPolicy();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        createOutboxWorker({
          store: createSqlStore(dbs[i % dbs.length]!),
          policy: () => policy,
          notifiers: [email],
          render: (facts) => renderMessage(facts),
          batchSize: 20,
          onError: () => undefined,
        }).drain(),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const arrived = sink.count();
    if (arrived !== THROUGHPUT_ROWS) return `${label.padEnd(34)}REFUSED: ${arrived} of ${THROUGHPUT_ROWS} arrived`;
    // The peer, in the same run on the same pool: the notifier alone, as many messages, 20 in flight.
    const facts = {
      kind: 'session-rearranged',
      locale: 'en',
      client: { name: 'Ben Carter', timeZone: 'Europe/London' },
      therapist: { name: 'Ana Lima', timeZone: 'Europe/London' },
      session: { startsAt: at, endsAt: at },
    } as const;
    const rendered = renderMessage(facts);
    let next = 0;
    const peerStarted = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < THROUGHPUT_ROWS) {
          const id = `${prefix}-peer-${next++}`;
          await email.deliver(
            {
              id,
              channel: 'email',
              tenant: 'practice-a',
              to: { name: 'Ben Carter', email: 'ben.carter@example.com' },
              facts,
              rendered,
            },
            { signal: AbortSignal.timeout(10_000) },
          );
        }
      }),
    );
    const peer = THROUGHPUT_ROWS / ((performance.now() - peerStarted) / 1000);
    const rate = (value: number) => Math.round(value).toLocaleString('en-GB').padStart(6);
    return `${label.padEnd(34)}${rate(THROUGHPUT_ROWS / seconds)} messages/s   (the notifier alone, 20 in flight: ${rate(peer).trim()}/s)`;
  } finally {
    await email.close();
    await sink.close();
  }
}

async function seeded(db: Db): Promise<void> {
  await migrate(db);
  const { offers: _offers, ...seed } = seedScenario('extended-absence', NOW);
  await seedStore(createSqlStore(db), { ...seed, offers: [] });
}

/** Runs every configuration and prints the table; false when a row was refused. */
export async function outboxBenchmarks(): Promise<boolean> {
  console.log(
    `\nOutbox: commit → first delivery attempt, ${ROWS} rows a row, one written every ${SPACING_MS} ms (${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`,
  );
  const rows: Row[] = [];
  const rates: string[] = [];
  const pglite = pgliteDb(await PGlite.create());
  await seeded(pglite);
  for (const workers of [1, 3]) {
    for (const woken of [true, false])
      rows.push(
        await measure(
          `PGlite, ${workers} worker${workers > 1 ? 's' : ''}, ${woken ? 'woken' : 'polling'}`,
          [pglite],
          workers,
          woken,
        ),
      );
    rates.push(await throughput(`PGlite, ${workers} worker${workers > 1 ? 's' : ''}`, [pglite], workers));
  }
  await pglite.close();
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('*** NOT MEASURED: the outbox on PostgreSQL, because DATABASE_URL is not set ***');
  } else {
    const schema = `rc_bench_outbox_${process.pid}`;
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const pools = [0, 1, 2].map(() =>
      postgresDb(new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` })),
    );
    try {
      await seeded(pools[0]!);
      for (const workers of [1, 3]) {
        for (const woken of [true, false])
          rows.push(
            await measure(
              `PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}, ${woken ? 'woken' : 'polling'}`,
              pools,
              workers,
              woken,
            ),
          );
        rates.push(await throughput(`PostgreSQL, ${workers} worker${workers > 1 ? 's' : ''}`, pools, workers));
      }
    } finally {
      await Promise.all(pools.map((db) => db.close()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
  console.log('                                  commit p50 / p99       commit → first attempt p50 / p99');
  let ok = true;
  for (const row of rows) {
    const latency = row.latency
      ? `${ms(row.latency.p50).padStart(8)} / ${ms(row.latency.p99)}`
      : `REFUSED: ${row.refused}`;
    if (!row.latency) ok = false;
    console.log(`${row.label.padEnd(34)}${`${ms(row.commit.p50)} / ${ms(row.commit.p99)}`.padEnd(23)}${latency}`);
  }
  console.log(
    'woken: serve wakes its own worker at the commit; polling: the default 1 s poll (separate worker processes, the other serve processes).',
  );
  console.log(
    `\nOutbox throughput: ${THROUGHPUT_ROWS} due email rows through real SMTP (nodemailer's pool) to an smtp-server sink in this process`,
  );
  for (const line of rates) {
    if (line.includes('REFUSED')) ok = false;
    console.log(line);
  }
  return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!(await outboxBenchmarks())) process.exitCode = 1;
}
