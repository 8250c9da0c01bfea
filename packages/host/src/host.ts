import { verifyToken, type VerifyTokenOptions } from '@raincheck/host-api/tokens';
import { createPolicy, type Policy } from '@raincheck/policy';
import { defaultRuleFiles, DEFAULT_POLICY } from '@raincheck/policy/rules';
import { boundedRequest, DEFAULT_MAX_BODY_BYTES } from './body-limit.js';
import { createHostCore } from './core/core.js';
import { answerFixture, answerFixtureToken, type FixturesOptions } from './fixtures.js';
import { jsonResponse } from './core/http-error.js';
import { pathUnder } from './core/router.js';
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
}

/** The reference host: a web-standard handler to mount in any server. */
export interface Host {
  /** Answers one request: the host API under `basePath`, and `GET /healthz`. */
  fetch(request: Request): Promise<Response>;
  /** The policy it decides with. */
  readonly policy: Policy;
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
  const clock = options.now ?? Date.now;
  const store = createSqlStore(options.database);
  const core = createHostCore({
    store,
    authenticate: (authorization) => verifyToken(authorization, { ...options.auth, now: clock }),
    policy: () => policy,
    now: clock,
  });
  const retention = options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  if (!(retention > 0)) throw new RangeError(`createHost: auditRetentionDays must be positive, got ${String(retention)}`);
  const pruneNow = () => prune(options.database, { auditRetentionDays: retention, now: clock() });
  await pruneNow();
  // Daily; unref'd so an idle host does not keep the process alive for it.
  const pruning = setInterval(() => void pruneNow().catch(() => undefined), 24 * 60 * 60 * 1000);
  pruning.unref?.();
  const basePath = options.basePath ?? '';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return {
    policy,
    close: () => {
      clearInterval(pruning);
      return options.database.close();
    },
    fetch: async (request) => {
      const path = pathUnder(new URL(request.url).pathname, basePath);
      if (request.method === 'GET' && path === '/healthz') return jsonResponse(200, { ok: true });
      if (options.fixtures && request.method === 'POST' && path === '/_fixtures/scenario') {
        return answerFixture(request, { store, policy, handle: (inner) => core.handle(inner) }, options.fixtures, clock());
      }
      if (options.fixtures && request.method === 'POST' && path === '/_fixtures/token') return answerFixtureToken(request, options.fixtures, clock());
      const bounded = await boundedRequest(request, maxBodyBytes);
      return bounded instanceof Response ? bounded : core.handle(bounded, basePath);
    },
  };
}
