// The reference host's benchmarks: cancel over HTTP on PGlite and on PostgreSQL at 1, 10 and 50
// concurrent callers, the same machine's pgbench beside them, and `raincheck-host serve`'s start
// time and memory on PGlite. Part of `npm run bench`; alone (after a build):
//   node --import tsx scripts/bench-host.ts
// Prints figures, asserts nothing; refuses to print a cancel figure when any cancel was not a 200.
import { fork } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { mintToken } from '@raincheck/host-api/tokens';
import {
  benchSeed,
  benchSessionId,
  benchTherapistId,
  type BenchServerMessage,
  type BenchServerOptions,
  type BenchServerRequest,
  type DbStats,
} from './bench-host-server.js';
import { findPgbench, pgbench, type PgbenchRow } from './bench-pgbench.js';
import { serveStartups, type Startup } from './bench-serve-start.js';
import { decisionTiming } from './bench-decision.js';

const CONCURRENCY = [1, 10, 50] as const;
/** Cancels per row; every row has its own sessions. */
const REQUESTS = Number(process.env.BENCH_HOST_REQUESTS ?? 1_000);
/** One warm-up round before the measured rows (JIT, connection pool, PostgreSQL's caches), not counted. */
const WARM_UP = 100;
const SEEDED = WARM_UP + REQUESTS * CONCURRENCY.length;
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? 10);
const PGBENCH_SCALE = 10;
const NOW = Date.parse('2027-06-01T09:00:00Z');
const SECRET = 'the-benchmark-secret-of-practice-a-32-bytes';

/** One row of cancels at one concurrency. */
interface CancelRow {
  readonly concurrency: number;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** What the host's SQL layer did during the row. */
  readonly db: DbStats;
  /** CPU time (user + system) the host's process used during the row. */
  readonly hostCpuMs: number;
}

/** A whole engine's cancels, or why there are none. */
type CancelResult = { readonly rows: readonly CancelRow[]; readonly seedMs: number } | { readonly refused: string };

const loud = (message: string) => console.log(`\n*** ${message} ***`);
const ms = (value: number) => (value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`);
const rate = (value: number) => Math.round(value).toLocaleString('en-GB');

/** The host in a process of its own, seeded and listening. */
async function startBenchServer(options: BenchServerOptions) {
  const child = fork(new URL('./bench-host-server.ts', import.meta.url).pathname, [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const next = () =>
    new Promise<BenchServerMessage>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`bench-host-server (${options.engine}) exited with ${code}`));
      child.once('exit', onExit);
      child.once('message', (message: BenchServerMessage) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`bench-host-server (${options.engine}) said ${ready.type} before ready`);
  const request = (message: BenchServerRequest) => child.send(message);
  return {
    ...ready,
    async stats(): Promise<{ db: DbStats; cpuMs: number }> {
      const answer = next();
      request({ type: 'stats' });
      const message = await answer;
      if (message.type !== 'stats')
        throw new Error(`bench-host-server (${options.engine}) answered ${message.type} to stats`);
      return { db: message.stats, cpuMs: message.cpuMs };
    },
    async close(): Promise<void> {
      request({ type: 'close' });
      await exited;
    },
  };
}

/** The p-th quantile of sorted samples. */
const quantile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/**
 * Cancels the seeded sessions `first … first + count - 1`, `concurrency` callers at a time, each a
 * real first cancel: its own session at version 1, its own idempotency key, two of its own free
 * slots offered. Every answer must be a 200 that cancelled the session.
 */
async function cancels(
  url: string,
  tokens: readonly string[],
  policy: { id: string; version: string; hash: string },
  first: number,
  count: number,
  concurrency: number,
) {
  const slotIds = benchSeed(1, NOW).slots[benchTherapistId(0)]!.slice(0, 2);
  const latencies = new Float64Array(count);
  const failures: string[] = [];
  let next = 0;
  const decision = { policyId: policy.id, policyVersion: policy.version, policyHash: policy.hash, outcome: 'allowed' };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const i = first + index;
        const body = JSON.stringify({
          reason: 'illness',
          note: 'A fever since last night.',
          alternativeSlotIds: slotIds.map((slot) => slot.id.replace(benchTherapistId(0), benchTherapistId(i))),
          refundOffered: false,
          decision,
        });
        const t0 = performance.now();
        try {
          const response = await fetch(`${url}/sessions/${benchSessionId(i)}/cancel`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${tokens[i]!}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-cancel-${i}`,
              'if-match': '"1"',
            },
            body,
          });
          const text = await response.text();
          latencies[index] = performance.now() - t0;
          const cancelled =
            response.status === 200 &&
            (JSON.parse(text) as { session?: { status?: string } }).session?.status === 'cancelled';
          if (!cancelled) failures.push(`${benchSessionId(i)}: ${response.status} ${text.slice(0, 200)}`);
        } catch (error) {
          failures.push(`${benchSessionId(i)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  latencies.sort();
  return {
    failures,
    perSecond: (count / wallMs) * 1000,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

/** The cancel benchmark on one engine: seed, one warm-up round, then a row per concurrency. */
async function cancelBenchmark(engine: BenchServerOptions['engine'], databaseUrl?: string): Promise<CancelResult> {
  const server = await startBenchServer({
    engine,
    therapists: SEEDED,
    now: NOW,
    secret: SECRET,
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  try {
    const tokens = await Promise.all(
      Array.from({ length: SEEDED }, (_, i) =>
        mintToken({
          tenant: 'practice-a',
          subject: benchTherapistId(i),
          role: 'therapist',
          secret: SECRET,
          now: () => NOW,
        }),
      ),
    );
    const warm = await cancels(server.url, tokens, server.policy, 0, WARM_UP, 10);
    if (warm.failures.length > 0)
      return {
        refused: `${warm.failures.length} of ${WARM_UP} warm-up cancels were not 200, e.g. ${warm.failures[0]}`,
      };
    await server.stats();
    const rows: CancelRow[] = [];
    let first = WARM_UP;
    for (const concurrency of CONCURRENCY) {
      const row = await cancels(server.url, tokens, server.policy, first, REQUESTS, concurrency);
      if (row.failures.length > 0)
        return {
          refused: `${row.failures.length} of ${REQUESTS} cancels at ${concurrency} callers were not 200, e.g. ${row.failures.slice(0, 3).join(' | ')}`,
        };
      const { db, cpuMs } = await server.stats();
      rows.push({
        concurrency,
        requests: REQUESTS,
        perSecond: row.perSecond,
        p50: row.p50,
        p99: row.p99,
        db,
        hostCpuMs: cpuMs,
      });
      first += REQUESTS;
    }
    return { rows, seedMs: server.seedMs };
  } finally {
    await server.close();
  }
}

/** A database of our own on the PostgreSQL that `adminUrl` names, and how to drop it. */
async function freshDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void>; serverVersion: string }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    serverVersion: rows[0]!.server_version,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function printCancels(
  results: Readonly<Record<string, CancelResult | undefined>>,
  pgbenchRows: readonly PgbenchRow[] | undefined,
): void {
  const engines = Object.entries(results).filter(
    (entry): entry is [string, { rows: readonly CancelRow[]; seedMs: number }] =>
      entry[1] !== undefined && 'rows' in entry[1],
  );
  if (engines.length === 0) return;
  const cell = (perSecond: number, p50: number, p99: number) =>
    `${rate(perSecond).padStart(9)} ${ms(p50).padStart(9)} ${ms(p99).padStart(9)}`;
  console.log(
    `\nCancel over HTTP (loopback, the host in its own process; ${REQUESTS} cancels per row, each the first cancel of its own session, after one warm-up of ${WARM_UP}; every answer 200)`,
  );
  const titles = [
    ...engines.map(([name]) => name),
    ...(pgbenchRows ? [`pgbench tpcb-like -s ${PGBENCH_SCALE}, ${PGBENCH_SECONDS} s`] : []),
  ];
  console.log(
    `callers  ${titles.map((title) => title.padEnd(29)).join('   ')}${pgbenchRows ? '   cancels/s ÷ pgbench tps' : ''}`,
  );
  console.log(
    `         ${engines.map(() => 'cancels/s       p50       p99').join('   ')}${pgbenchRows ? '   tx/s            p50       p99' : ''}`,
  );
  CONCURRENCY.forEach((concurrency, r) => {
    const cells = engines.map(([, result]) =>
      cell(result.rows[r]!.perSecond, result.rows[r]!.p50, result.rows[r]!.p99),
    );
    const bench = pgbenchRows?.[r];
    if (bench)
      cells.push(
        `${cell(bench.tps, bench.p50, bench.p99)}   ${engines.map(([name, result]) => `${name.split(' ')[0]} ${(result.rows[r]!.perSecond / bench.tps).toFixed(3)}`).join(', ')}`,
      );
    console.log(`${String(concurrency).padStart(7)}  ${cells.join('   ')}`);
  });
  if (pgbenchRows)
    console.log(
      `pgbench: ${pgbenchRows.map((row) => `${row.transactions} transactions at ${row.clients}`).join(', ')}; latency average ${pgbenchRows.map((row) => ms(row.latencyAverage)).join(' / ')}`,
    );
  console.log("\nWhere a cancel's time goes, at 1 caller (per cancel, averaged; measured inside the host's process)");
  for (const [name, result] of engines) {
    const { db, requests, p50 } = result.rows[0]!;
    console.log(
      `${name}: ${ms(p50)} p50 end to end; ${(db.transactions / requests).toFixed(1)} transaction, ${ms(db.transactionMs / requests)} from BEGIN to COMMIT, of which ${ms(db.statementMs / requests)} awaiting its ${(db.statements / requests).toFixed(1)} SQL statements; host CPU ${ms(result.rows[0]!.hostCpuMs / requests)}`,
    );
  }
  console.log(
    'Host CPU per cancel at each concurrency (user + system of its one process): ' +
      engines
        .map(
          ([name, result]) =>
            `${name.split(' ')[0]} ${result.rows.map((row) => ms(row.hostCpuMs / row.requests)).join(' / ')}`,
        )
        .join('; '),
  );
  console.log(
    `Seed: ${SEEDED} therapists in practice-a, each with one scheduled session and three free slots (${engines.map(([name, result]) => `${name.split(' ')[0]} ${(result.seedMs / 1000).toFixed(1)} s`).join(', ')} to seed)`,
  );
}

function printStartups(startups: { cold: Startup[]; warm: Startup[] }): void {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `\nraincheck-host serve on PGlite (the built CLI, a data dir on ${tmpdir()}; median of ${startups.cold.length} starts each)`,
  );
  console.log('                                   to "listening on"   RSS once listening   peak RSS');
  for (const [label, runs] of [
    ['cold (fresh data dir: initdb, migrations)', startups.cold],
    ['warm (reopening that data dir)', startups.warm],
  ] as const) {
    const line = `${ms(median(runs.map((r) => r.listeningMs))).padStart(10)}   ${`${median(runs.map((r) => r.rssMiB)).toFixed(0)} MiB`.padStart(18)}   ${`${median(runs.map((r) => r.peakRssMiB)).toFixed(0)} MiB`.padStart(8)}`;
    console.log(`${label.padEnd(44)}${line}   (each: ${runs.map((r) => ms(r.listeningMs)).join(', ')})`);
  }
}

/** Runs and prints every host benchmark; false when a figure was refused (a cancel that was not a 200). */
export async function hostBenchmarks(): Promise<boolean> {
  console.log(
    `\nReference host (@raincheck/host) — ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} at the start (other work on these cores skews every figure)`,
  );
  let complete = true;

  const decision = await decisionTiming(NOW);
  console.log(
    `The policy's cancel decision alone (the facts a cancel decides on, in process, ${decision.iterations} evaluations): ${ms(decision.p50)} p50, ${ms(decision.p99)} p99`,
  );

  printStartups(await serveStartups());

  const adminUrl = process.env.DATABASE_URL;
  const pgbenchPath = findPgbench();
  if (!adminUrl)
    loud(
      'NOT MEASURED: cancel on PostgreSQL and pgbench, because DATABASE_URL is not set (bash scripts/start-postgres.sh prints it)',
    );
  else if (!pgbenchPath)
    loud(
      'NOT MEASURED: pgbench and the cancels-per-transaction ratio, because no pgbench is on PATH or in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql-contrib or postgresql)',
    );

  const results: Record<string, CancelResult | undefined> = {};
  results['PGlite (in memory)'] = await cancelBenchmark('pglite');
  let pgbenchRows: PgbenchRow[] | undefined;
  let serverVersion: string | undefined;
  if (adminUrl) {
    const hostDb = await freshDatabase(adminUrl, `rc_bench_host_${process.pid}`);
    serverVersion = hostDb.serverVersion;
    try {
      results[`PostgreSQL ${serverVersion.split(' ')[0]!}`] = await cancelBenchmark('postgres', hostDb.url);
    } finally {
      await hostDb.drop();
    }
    if (pgbenchPath) {
      const benchDb = await freshDatabase(adminUrl, `rc_bench_pgbench_${process.pid}`);
      try {
        pgbenchRows = await pgbench(pgbenchPath, benchDb.url, {
          scale: PGBENCH_SCALE,
          seconds: PGBENCH_SECONDS,
          clients: CONCURRENCY,
        });
      } finally {
        await benchDb.drop();
      }
    }
  }
  for (const [name, result] of Object.entries(results)) {
    if (result && 'refused' in result) {
      loud(`REFUSED: no cancel figures for ${name}: ${result.refused}`);
      complete = false;
    }
  }
  printCancels(results, pgbenchRows);
  if (serverVersion)
    console.log(
      `PostgreSQL ${serverVersion} on loopback; the host's pool has 10 connections (openDatabase's default); pgbench runs one thread per client, on the same server.`,
    );
  return complete;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!(await hostBenchmarks())) process.exitCode = 1;
}
