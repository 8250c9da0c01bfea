// Forked by bench-host.ts: one reference host on one engine, seeded with generated therapists, served
// over HTTP on loopback. A process of its own, so the load generator's fetch calls do not share the
// host's event loop. Talks to its parent over IPC; see the message types below.
import { performance } from 'node:perf_hooks';
import {
  createHost,
  createSqlStore,
  listen,
  migrate,
  openDatabase,
  seedStore,
  type Db,
  type Queryable,
  type StoreSeed,
} from '@raincheck/host';
import { seedScenario } from '@raincheck/mock-host';

/** What the parent asks for, in `process.argv[2]` as JSON. */
export interface BenchServerOptions {
  readonly engine: 'pglite' | 'postgres';
  /** PostgreSQL only: the database to use (fresh, made by the parent). */
  readonly databaseUrl?: string;
  /** How many therapists to seed, each with one scheduled session and three free slots. */
  readonly therapists: number;
  /** The host's clock, epoch ms: fixed, so every decision is the same one. */
  readonly now: number;
  /** The token secret of tenant `practice-a`. */
  readonly secret: string;
}

/** What the SQL layer did since the last reset: statements and transactions, and the time awaited in them. */
export interface DbStats {
  statements: number;
  statementMs: number;
  transactions: number;
  transactionMs: number;
}

/** Messages to the parent. */
export type BenchServerMessage =
  | {
      readonly type: 'ready';
      readonly url: string;
      readonly seedMs: number;
      readonly policy: { readonly id: string; readonly version: string; readonly hash: string };
    }
  | { readonly type: 'stats'; readonly stats: DbStats; readonly cpuMs: number };

/**
 * Messages from the parent: `stats` answers the SQL counts and the CPU time this process used
 * since the last one, and resets them; `close` ends the process.
 */
export type BenchServerRequest = { readonly type: 'stats' } | { readonly type: 'close' };

/** The ids the seed gives therapist `i` and its session. */
export const benchTherapistId = (i: number): string => `bench-th-${i}`;
export const benchSessionId = (i: number): string => `bench-ses-${i}`;

/**
 * `count` copies of the mock host's `extended-absence` therapist in tenant practice-a, each with a
 * copy of its first session (scheduled, version 1, four days ahead) and its first three free slots,
 * and no history: every cancel is that therapist's first, so the policy allows each one alike.
 */
export function benchSeed(count: number, now: number): StoreSeed {
  const template = seedScenario('extended-absence', now);
  const therapist = template.therapists[0]!;
  const session = template.sessions[0]!;
  const slots = template.slots[therapist.id]!.slice(0, 3);
  const seed = {
    therapists: [] as StoreSeed['therapists'][number][],
    clients: template.clients,
    sessions: [] as StoreSeed['sessions'][number][],
    slots: {} as Record<string, StoreSeed['slots'][string]>,
    history: {},
    offers: [],
  };
  for (let i = 0; i < count; i++) {
    const id = benchTherapistId(i);
    seed.therapists.push({ ...therapist, id });
    seed.sessions.push({ ...session, id: benchSessionId(i), therapistId: id });
    seed.slots[id] = slots.map((slot) => ({ ...slot, id: slot.id.replace(therapist.id, id) }));
  }
  return seed;
}

/** The database, counting what goes through it (a few clock reads per statement). */
function counted(db: Db, stats: DbStats): Db {
  const timed = (target: Queryable): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      const started = performance.now();
      try {
        return await target.query<T>(sql, params);
      } finally {
        stats.statements++;
        stats.statementMs += performance.now() - started;
      }
    },
  });
  const outside = timed(db);
  return {
    engine: db.engine,
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
    query: (sql, params) => outside.query(sql, params),
    transaction: async (work) => {
      const started = performance.now();
      try {
        return await db.transaction((tx) => work(timed(tx)));
      } finally {
        stats.transactions++;
        stats.transactionMs += performance.now() - started;
      }
    },
  };
}

const emptyStats = (): DbStats => ({ statements: 0, statementMs: 0, transactions: 0, transactionMs: 0 });

async function main(options: BenchServerOptions): Promise<void> {
  const send = (message: BenchServerMessage) => process.send!(message);
  const stats = emptyStats();
  const opened = await openDatabase(
    options.engine === 'postgres' ? { databaseUrl: options.databaseUrl! } : { memory: true },
  );
  const seedStarted = performance.now();
  await migrate(opened);
  await seedStore(createSqlStore(opened), benchSeed(options.therapists, options.now));
  const seedMs = performance.now() - seedStarted;
  const host = await createHost({
    database: counted(opened, stats),
    auth: { secret: (tenant) => (tenant === 'practice-a' ? options.secret : undefined) },
    now: () => options.now,
  });
  const running = await listen(host);
  Object.assign(stats, emptyStats());
  let cpuSince = process.cpuUsage();
  process.on('message', (request: BenchServerRequest) => {
    if (request.type === 'stats') {
      const cpu = process.cpuUsage(cpuSince);
      send({ type: 'stats', stats: { ...stats }, cpuMs: (cpu.user + cpu.system) / 1000 });
      Object.assign(stats, emptyStats());
      cpuSince = process.cpuUsage();
    } else void running.close().then(() => process.exit(0));
  });
  send({
    type: 'ready',
    url: running.url,
    seedMs,
    policy: { id: host.policy.id, version: host.policy.version, hash: host.policy.hash },
  });
}

if (process.send) {
  main(JSON.parse(process.argv[2]!) as BenchServerOptions).catch((error: unknown) => {
    console.error(`bench-host-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
