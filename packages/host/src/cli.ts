#!/usr/bin/env node
// raincheck-host: run the reference host, mint development tokens, migrate.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken, ROLES, type Role } from '@raincheck/host-api/tokens';
import { loadPolicy } from '@raincheck/policy/node';
import { createHost } from './host.js';
import { openDatabase, type DatabaseLocation } from './open-database.js';
import { listen } from './serve.js';
import { migrate } from './sql/migrate.js';
import { createSqlStore } from './sql/sql-store.js';
import type { FixturesOptions, PracticeWriter, ScenarioSeed } from './fixtures.js';
import { seedStore } from './seed.js';
import {
  DELIVERY_CLI_OPTIONS,
  DELIVERY_USAGE,
  DeliveryFlagError,
  deliveryFromFlags,
  linkSecretFrom,
} from './cli-delivery.js';
import { linkSeal } from './core/link-seal.js';
import { createTestClock } from './core/test-clock.js';
import { attemptTimes, createOutboxWorker } from './outbox/worker.js';
import { createPolicy } from '@raincheck/policy';
import { defaultRuleFiles, DEFAULT_POLICY } from '@raincheck/policy/rules';

const USAGE = `Usage:
  raincheck-host serve [--data-dir DIR | --database-url URL] [--port N] [--host 127.0.0.1] [--rules DIR] [--seed demo] [--fixtures] [--no-worker] [delivery flags]
  raincheck-host worker [--data-dir DIR | --database-url URL] [--rules DIR] [--lease 30s] [delivery flags]
  raincheck-host token --tenant T --sub ID --role therapist|team|admin [--ttl 10m] [--data-dir DIR]
  raincheck-host migrate [--data-dir DIR | --database-url URL]

serve runs an outbox worker beside the API (--no-worker: leave delivery to raincheck-host worker
processes, e.g. several on one PostgreSQL). A PGlite data dir is one process: a separate worker there
needs serve stopped.
${DELIVERY_USAGE}

The data dir defaults to .raincheck/data (PGlite, one process). DATABASE_URL works like --database-url.
Tokens are signed with RAINCHECK_TOKEN_SECRET, or a development secret made once in <data dir>.dev-token-secret.
--rules reads the default policy's rule files from a folder (else the built-in default rules); an admin
may publish a practice's own versions over the API. --fixtures (on with --seed demo) serves POST /_fixtures/scenario for the playground
and POST /_fixtures/clock (a test clock the host and its worker follow): development only.`;

class UsageError extends Error {}

const DEFAULT_DATA_DIR = '.raincheck/data';

function locationOf(values: { 'data-dir'?: string; 'database-url'?: string }): DatabaseLocation {
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (url && values['data-dir']) throw new UsageError('Give --data-dir or --database-url, not both.');
  return url ? { databaseUrl: url } : { dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR };
}

/** The token secret: RAINCHECK_TOKEN_SECRET, or a development one made once, named after the data dir (as its lock is), so no two data dirs share it. */
async function tokenSecret(dataDir: string): Promise<{ secret: string; generated: string | null }> {
  const fromEnv = process.env.RAINCHECK_TOKEN_SECRET;
  if (fromEnv) return { secret: fromEnv, generated: null };
  const file = `${resolve(dataDir)}.dev-token-secret`;
  try {
    return { secret: (await readFile(file, 'utf8')).trim(), generated: file };
  } catch {
    await mkdir(dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    return { secret, generated: file };
  }
}

/** `10m`, `90s`, `600` → seconds. */
function seconds(text: string, flag = '--ttl'): number {
  const match = /^(\d+)(s|m)?$/.exec(text);
  if (!match) throw new UsageError(`${flag} must be like 300, 90s or 10m, not ${text}`);
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}

async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      fixtures: { type: 'boolean' },
      rules: { type: 'string' },
      'no-worker': { type: 'boolean' },
      ...DELIVERY_CLI_OPTIONS,
    },
  });
  const location = locationOf(values);
  if (values.seed !== undefined && values.seed !== 'demo')
    throw new UsageError(`--seed takes only demo, not ${values.seed}`);
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be 0 to 65535, not ${values.port}`);
  const fixturesOn = values.fixtures === true || values.seed === 'demo';
  // The fixtures' test clock: real time until POST /_fixtures/clock moves it (the host and its worker follow it).
  const testClock = fixturesOn ? createTestClock() : undefined;
  const clock = testClock ? () => testClock.now() : Date.now;
  // Delivery flags before anything opens: a bad one stops the start naming it. Development (the demo
  // or the fixtures, as `npm start` serves the playground): the log notifier serves what nothing else does.
  // Checked with --no-worker too: the flags a partner gives are refused at start whichever process uses them.
  const parsedDelivery = deliveryFromFlags(values, { development: fixturesOn, clock });
  if (values['no-worker']) await parsedDelivery.close();
  const delivery = values['no-worker'] ? undefined : parsedDelivery;
  const { secret, generated } = await tokenSecret('dataDir' in location ? location.dataDir : DEFAULT_DATA_DIR);
  if (generated)
    console.log(
      `RAINCHECK_TOKEN_SECRET is not set: tokens are checked with the development secret in ${generated} (raincheck-host token signs with it).`,
    );
  // Rules first: a broken rule file stops the start before the database is opened (and locked).
  const policy = values.rules === undefined ? undefined : await loadPolicy([values.rules]);
  if (policy) console.log(`Deciding with ${policy.id} ${policy.version} from ${values.rules}.`);
  const database = await openDatabase(location, {
    onLockLost: (error) => {
      console.error(
        `raincheck-host serve: the lock on the data dir was lost (${error.message}); stopping before the data is corrupted.`,
      );
      process.exit(1);
    },
  });
  if (values.seed === 'demo') await seedDemo(database);
  const fixtures = fixturesOn ? { ...(await scenarios()), secret } : undefined;
  const host = await createHost({
    database,
    auth: { secret },
    linkSecret: linkSecretFrom(secret),
    ...(policy ? { policy } : {}),
    ...(fixtures ? { fixtures } : {}),
    ...(testClock ? { testClock } : {}),
    ...(delivery ? { delivery } : {}),
  });
  const running = await listen(host, { port, ...(values.host ? { hostname: values.host } : {}) });
  if (fixtures)
    console.log(
      `Development fixtures on: POST ${running.url}/_fixtures/scenario { "scenario": "ordinary-cancellation" } makes a demo practice with tokens; POST ${running.url}/_fixtures/clock moves the test clock.`,
    );
  console.log(
    delivery
      ? `Outbox worker on: ${delivery.summary.join('; ')}.`
      : 'Outbox worker off (--no-worker): raincheck-host worker processes deliver.',
  );
  console.log(`listening on ${running.url}`);
  const stop = () => {
    void running
      .close()
      .then(() => delivery?.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The mock host's scenarios. */
type Scenarios = {
  readonly seedScenario: (name: string, nowMs?: number, tweaks?: Readonly<Record<string, unknown>>) => ScenarioSeed;
  readonly SCENARIOS: Readonly<Record<string, string>>;
  readonly fillTeamQueue: (
    send: PracticeWriter['send'],
    seed: PracticeWriter['seed'],
    policy: PracticeWriter['policy'],
    clock: PracticeWriter['clock'],
    backdate: PracticeWriter['backdate'],
  ) => Promise<void>;
};

/**
 * The mock host, loaded by name, not imported: it depends on this package (its core), so this one
 * cannot depend on it at build time; it is an optional peer, needed for the demo only.
 */
async function mockHostScenarios(): Promise<Scenarios> {
  const mockHost = '@raincheck/mock-host';
  try {
    return (await import(mockHost)) as Scenarios;
  } catch {
    throw new UsageError('--seed demo and --fixtures need @raincheck/mock-host installed (it holds the scenarios).');
  }
}

/** The fixtures endpoint's scenarios: the mock host's, by name. */
async function scenarios(): Promise<Omit<FixturesOptions, 'secret'>> {
  const { seedScenario, SCENARIOS, fillTeamQueue } = await mockHostScenarios();
  return {
    scenario: (name, nowMs, tweaks) => (Object.hasOwn(SCENARIOS, name) ? seedScenario(name, nowMs, tweaks) : undefined),
    // The team's queue is filled by its people's own writes, as in the mock host.
    prepare: async (name, practice) => {
      if (name === 'team-queue')
        await fillTeamQueue(practice.send, practice.seed, practice.policy, practice.clock, practice.backdate);
    },
  };
}

/** Loads the mock host's scenario as demo data, once (an empty database only). */
async function seedDemo(database: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  await migrate(database);
  if ((await database.query('SELECT 1 FROM therapists LIMIT 1')).length > 0) return;
  const { seedScenario } = await mockHostScenarios();
  // The scenario's offers have no token hashes yet (the mock host makes their tokens): none for the demo.
  await seedStore(createSqlStore(database), { ...seedScenario('extended-absence'), offers: [] });
  console.log('Seeded the demo practice (tenant practice-a, therapist th-ana, sessions ses-1 … ses-3).');
}

async function tokenCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      sub: { type: 'string' },
      role: { type: 'string' },
      ttl: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  if (!values.tenant || !values.sub || !values.role) throw new UsageError('token needs --tenant, --sub and --role.');
  if (!(ROLES as readonly string[]).includes(values.role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not ${values.role}`);
  const { secret } = await tokenSecret(values['data-dir'] ?? DEFAULT_DATA_DIR);
  console.log(
    await mintToken({
      tenant: values.tenant,
      subject: values.sub,
      role: values.role as Role,
      secret,
      ttlSeconds: seconds(values.ttl ?? '10m'),
    }),
  );
}

async function migrateCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
  });
  const database = await openDatabase(locationOf(values));
  try {
    const applied = await migrate(database);
    console.log(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.join(', ')}.`);
  } finally {
    await database.close();
  }
}

/** A delivery process of its own: the same outbox, claimed with SKIP LOCKED beside serve's and other workers. */
async function workerCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      rules: { type: 'string' },
      lease: { type: 'string' },
      ...DELIVERY_CLI_OPTIONS,
    },
  });
  const location = locationOf(values);
  const leaseMs = values.lease === undefined ? undefined : seconds(values.lease, '--lease') * 1000;
  if (leaseMs === 0) throw new UsageError('--lease must be at least 1s');
  const delivery = deliveryFromFlags(values, { development: false, clock: Date.now });
  try {
    // Refused before anything is opened: a usage error says so at once, and creates no data dir.
    attemptTimes({ ...delivery, ...(leaseMs ? { leaseMs } : {}) });
  } catch (error) {
    await delivery.close();
    throw error instanceof RangeError
      ? new UsageError(
          `--lease ${values.lease ?? ''}: ${error.message} Give a longer --lease or a shorter --webhook-timeout.`,
        )
      : error;
  }
  const { secret, generated } = await tokenSecret('dataDir' in location ? location.dataDir : DEFAULT_DATA_DIR);
  // Offer links open only with serve's secret: say which one this worker uses, so a mismatch is visible.
  const linkFrom = process.env.RAINCHECK_OFFER_LINK_SECRET
    ? 'RAINCHECK_OFFER_LINK_SECRET'
    : generated
      ? `the development secret in ${generated} (serve's for the same data dir and working directory)`
      : 'RAINCHECK_TOKEN_SECRET';
  console.log(`raincheck-host worker: offer links are opened with ${linkFrom}.`);
  // The policy an expired offer's next step is decided under, as serve's.
  const policy =
    values.rules === undefined ? createPolicy(defaultRuleFiles, DEFAULT_POLICY) : await loadPolicy([values.rules]);
  const database = await openDatabase(location, {
    onLockLost: (error) => {
      console.error(`raincheck-host worker: the lock on the data dir was lost (${error.message}); stopping.`);
      process.exit(1);
    },
  });
  await migrate(database);
  const worker = createOutboxWorker({
    ...delivery,
    store: createSqlStore(database),
    policy: () => policy,
    linkSeal: linkSeal(linkSecretFrom(secret)),
    ...(leaseMs ? { leaseMs } : {}),
  });
  worker.start();
  console.log(`raincheck-host worker ${worker.id}: ${delivery.summary.join('; ')}.`);
  const stop = () => {
    void worker
      .stop()
      .then(() => delivery.close())
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  worker: workerCommand,
  token: tokenCommand,
  migrate: migrateCommand,
};

const [command, ...rest] = process.argv.slice(2);
const run = command === undefined ? undefined : COMMANDS[command];
if (!run) {
  console.error(USAGE);
  process.exit(2);
}
run(rest).catch((error: unknown) => {
  console.error(`raincheck-host ${command}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(
    error instanceof UsageError ||
      error instanceof DeliveryFlagError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? 2
      : 1,
  );
});
