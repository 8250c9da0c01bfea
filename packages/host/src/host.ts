import { verifyToken, type VerifyTokenOptions } from '@raincheck/host-api/tokens';
import { createPolicy, type Policy } from '@raincheck/policy';
import { defaultRuleFiles, DEFAULT_POLICY } from '@raincheck/policy/rules';
import { boundedRequest, DEFAULT_MAX_BODY_BYTES } from './body-limit.js';
import { createHostCore } from './core/core.js';
import { answerFixture, answerFixtureToken, type FixturesOptions } from './fixtures.js';
import { jsonResponse } from './core/http-error.js';
import { pathUnder } from './core/router.js';
import { answerClock } from './clock-fixture.js';
import { linkSeal as makeLinkSeal } from './core/link-seal.js';
import type { TestClock } from './core/test-clock.js';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './outbox/worker.js';
import type { Db } from './sql/db.js';
import { DEFAULT_AUDIT_RETENTION_DAYS, prune } from './sql/maintenance.js';
import { migrate } from './sql/migrate.js';
import { createSqlStore } from './sql/sql-store.js';

/** How to make the reference host. */
export interface HostOptions {
  /** Its database, from `openDatabase`; migrated on start. */
  readonly database: Db;
  /** How bearer tokens are verified: each tenant's HS256 secret, or a JWKS (`verifyToken`'s options). */
  readonly auth: VerifyTokenOptions;
  /** Rule files to decide with (as `createPolicy` takes them); default the default rules. */
  readonly rules?: Readonly<Record<string, unknown>>;
  /** Or a policy already built (`loadPolicy` from `@raincheck/policy/node` reads a folder); wins over `rules`. */
  readonly policy?: Policy;
  /** Where the API is mounted (`/raincheck`); default the root. */
  readonly basePath?: string;
  /** The host's clock, epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /** The largest request body read; default {@link DEFAULT_MAX_BODY_BYTES}. */
  readonly maxBodyBytes?: number;
  /** Days audit entries are kept (pruned at start and daily); default {@link DEFAULT_AUDIT_RETENTION_DAYS}. */
  readonly auditRetentionDays?: number;
  /**
   * Development only: serve `POST /_fixtures/scenario`, which puts a new demo practice in a
   * scenario and hands out tokens for it. Never in production: it mints tokens for anyone asking.
   */
  readonly fixtures?: FixturesOptions;
  /**
   * A clock tests move (`createTestClock`): the host's `now`, its worker's, and `POST
   * /_fixtures/clock`, which is served only when there is one. Wins over `now`.
   */
  readonly testClock?: TestClock;
  /**
   * The secret offer tokens are sealed into outbox rows with, so messages carry the client's link;
   * every process of the host (serve, workers) needs the same one. Without it messages have no link.
   */
  readonly linkSecret?: string;
  /**
   * How messages and refunds go out: the outbox worker that runs inside the host (started with it,
   * stopped by `close`). Without it the host only writes the outbox, for `raincheck-host worker`
   * processes to deliver.
   */
  readonly delivery?: HostDelivery;
}

/** What the host's outbox worker delivers with, and how it is tuned. */
export type HostDelivery = Pick<OutboxWorkerOptions, 'notifiers' | 'render'> &
  Partial<Omit<OutboxWorkerOptions, 'store' | 'policy' | 'now' | 'linkSeal' | 'notifiers' | 'render'>>;

/** The reference host: a web-standard handler to mount in any server. */
export interface Host {
  /** Answers one request: the host API under `basePath`, and `GET /healthz`. */
  fetch(request: Request): Promise<Response>;
  /** The policy it decides with. */
  readonly policy: Policy;
  /** Its outbox worker, when it runs one (`delivery`). */
  readonly worker: OutboxWorker | null;
  /** Closes the database. */
  close(): Promise<void>;
}

/**
 * Creates the reference host on a SQL database: the host core (the same behaviour as the mock
 * host) on the SQL store, with real token verification, a body size limit and a health check.
 * Migrates the database first.
 */
export async function createHost(options: HostOptions): Promise<Host> {
  await migrate(options.database);
  // The host's default: what every practice decides with until it publishes a version of its own.
  const policy = options.policy ?? createPolicy(options.rules ?? defaultRuleFiles, options.rules ? {} : DEFAULT_POLICY);
  const testClock = options.testClock;
  const clock = testClock ? () => testClock.now() : (options.now ?? Date.now);
  const store = createSqlStore(options.database);
  const linkSeal = options.linkSecret === undefined ? undefined : makeLinkSeal(options.linkSecret);
  const core = createHostCore({
    store,
    authenticate: (authorization) => verifyToken(authorization, { ...options.auth, now: clock }),
    policy: () => policy,
    now: clock,
    ...(linkSeal ? { linkSeal } : {}),
  });
  const worker = options.delivery
    ? createOutboxWorker({
        ...options.delivery,
        store,
        policy: () => policy,
        now: clock,
        ...(linkSeal ? { linkSeal } : {}),
      })
    : null;
  worker?.start();
  const retention = options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  if (!(retention > 0))
    throw new RangeError(`createHost: auditRetentionDays must be positive, got ${String(retention)}`);
  const pruneNow = () => prune(options.database, { auditRetentionDays: retention, now: clock() });
  await pruneNow();
  // Daily; unref'd so an idle host does not keep the process alive for it.
  const pruning = setInterval(() => void pruneNow().catch(() => undefined), 24 * 60 * 60 * 1000);
  pruning.unref?.();
  const basePath = options.basePath ?? '';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    policy,
    worker,
    close: async () => {
      clearInterval(pruning);
      await worker?.stop();
      return options.database.close();
    },
    fetch: async (request) => {
      const path = pathUnder(new URL(request.url).pathname, basePath);
      if (request.method === 'GET' && path === '/healthz') return jsonResponse(200, { ok: true });
      if (options.fixtures && request.method === 'POST' && path === '/_fixtures/scenario') {
        return answerFixture(
          request,
          { store, policy, handle: (inner) => core.handle(inner) },
          options.fixtures,
          clock(),
        );
      }
      if (options.fixtures && request.method === 'POST' && path === '/_fixtures/token')
        return answerFixtureToken(request, options.fixtures, clock());
      if (testClock && request.method === 'POST' && path === '/_fixtures/clock') {
        const moved = await answerClock(request, testClock);
        worker?.wake();
        return moved;
      }
      const bounded = await boundedRequest(request, maxBodyBytes);
      if (bounded instanceof Response) return bounded;
      const response = await core.handle(bounded, basePath);
      // A write may have put rows in the outbox: the worker looks now rather than at its next poll.
      if (request.method !== 'GET') worker?.wake();
      return response;
    },
  };
}
