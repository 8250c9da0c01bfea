import type { EndpointId } from '@raincheck/host-api';
import type { Policy } from '@raincheck/policy';
import { toValidationIssues } from '@raincheck/policy/schemas';
import { callerOf, requireRole, type Authenticate, type Caller } from './access.js';
import { auditEntry } from './audit.js';
import type { EndpointInput, Handlers, RequestContext } from './handler.js';
import { notificationHandlers } from './handlers/notifications.js';
import { offerHandlers } from './handlers/offers.js';
import { ruleHandlers } from './handlers/rules.js';
import { sessionHandlers } from './handlers/sessions.js';
import { teamRequestHandlers } from './handlers/team-requests.js';
import { therapistHandlers } from './handlers/therapists.js';
import { errorBody, HttpError } from './http-error.js';
import { DEFAULT_IDEMPOTENCY_TTL_MS, fingerprintOf, idempotencyScope, openAnswer, sealAnswer } from './idempotency.js';
import { accessibleSession } from './records.js';
import { matchRoute, pathUnder, type Route } from './router.js';
import type { LinkSeal } from './link-seal.js';
import { policyResolver } from './policies.js';
import type { HostStore, StoreTransaction } from './store.js';

const HANDLERS: Handlers = {
  ...sessionHandlers,
  ...notificationHandlers,
  ...offerHandlers,
  ...therapistHandlers,
  ...teamRequestHandlers,
  ...ruleHandlers,
};

/** How to make a host core. */
export interface HostCoreOptions {
  readonly store: HostStore;
  /** Says who a bearer token belongs to (e.g. `verifyToken` from `@raincheck/host-api/tokens`). */
  readonly authenticate: Authenticate;
  /**
   * The host's default policy (read on every request, so it may be replaced): a tenant's decisions
   * use it until the tenant publishes a version of its own (`PUT /policy/rules`).
   */
  readonly policy: () => Policy;
  /** The host's clock, epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /** How the host writes an instant; default UTC ISO (`toISOString`). */
  readonly instant?: (ms: number) => string;
  /** How long an idempotency key is remembered, in ms of the host's clock; default 24 hours. */
  readonly idempotencyTtlMs?: number;
  /**
   * Seals offer tokens into the outbox so the worker can write the client's link (`linkSeal(secret)`,
   * the same secret in every process of the host). Without it messages carry no link.
   */
  readonly linkSeal?: LinkSeal;
}

/** What the core answered, and what it knows about the answer. */
export interface CoreAnswer {
  readonly response: Response;
  /** The endpoint the request was for, when its path matched one. */
  readonly endpoint: EndpointId | null;
  /** The request's JSON body, as sent (undefined when none or not JSON). */
  readonly body: unknown;
  /** True when the answer was replayed for a repeated idempotency key. */
  readonly replayed: boolean;
}

/** The host's behaviour over a store: every endpoint of the contract. */
export interface HostCore {
  /** Answers one request to the host API (paths relative to `basePath`). */
  handle(request: Request, basePath?: string): Promise<Response>;
  /** {@link handle}, with what the core knows about the answer (for logs and test records). */
  answer(request: Request, basePath?: string): Promise<CoreAnswer>;
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: readonly (readonly [string, string])[];
}

const JSON_HEADERS: [string, string] = ['content-type', 'application/json'];

/** An error as the contract writes it. */
function errorAnswer(error: HttpError): Answer {
  return { status: error.status, body: JSON.stringify(errorBody(error)), headers: [JSON_HEADERS] };
}

/**
 * Creates the host core: for each request it authenticates the caller, checks the request against
 * the contract, and, for a write, runs in one store transaction the idempotency check, `If-Match`,
 * the policy's own decision, the effects (records, outbox) and the idempotency answer. A refused
 * write (4xx) leaves no effect but its remembered answer; a failure of the host's own (5xx) leaves
 * nothing, so the same key may try again.
 */
export function createHostCore(options: HostCoreOptions): HostCore {
  const clock = options.now ?? Date.now;
  const instant = options.instant ?? ((ms: number) => new Date(ms).toISOString());
  const ttl = options.idempotencyTtlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;

  const policyFor = policyResolver(options.policy);

  function contextOf(tx: StoreTransaction, caller: Caller | null, nowMs: number): RequestContext {
    return {
      tx,
      caller,
      policyFor: (tenant) => policyFor(tx, tenant),
      nowMs,
      now: instant(nowMs),
      instant,
      decisions: [],
      reached: {},
      linkSeal: options.linkSeal ?? null,
    };
  }

  /** The request's input, once its query and body fit the contract. */
  function inputOf(
    route: Route,
    params: Record<string, string>,
    url: URL,
    rawBody: unknown,
  ): EndpointInput<EndpointId> {
    const { definition } = route;
    let query: unknown = {};
    if (definition.query) {
      const parsed = definition.query.safeParse(Object.fromEntries(url.searchParams), { reportInput: true });
      if (!parsed.success)
        throw new HttpError(
          400,
          'invalid-request',
          'The query does not fit the contract.',
          toValidationIssues('query', parsed.error.issues),
        );
      query = parsed.data;
    }
    let body: unknown;
    if (definition.body) {
      const parsed = definition.body.safeParse(rawBody, { reportInput: true });
      if (!parsed.success)
        throw new HttpError(
          400,
          'invalid-request',
          'The body does not fit the contract.',
          toValidationIssues('body', parsed.error.issues),
        );
      body = parsed.data;
    }
    // The one place the contract's types meet parsed data: the schemas just checked exactly these shapes.
    return { ...params, query, body } as unknown as EndpointInput<EndpointId>;
  }

  /** Runs the endpoint's handler; `If-Match` is checked against the session it names first. */
  async function run(
    route: Route,
    input: EndpointInput<EndpointId>,
    context: RequestContext,
    ifMatch: string | null,
  ): Promise<Answer> {
    requireRole(route.definition, context.caller);
    if (route.definition.ifMatch) {
      // Who may act on it first: a stranger learns nothing from a 412, not even the version.
      const session = await accessibleSession(context, (input as { sessionId: string }).sessionId);
      if (!ifMatch) throw new HttpError(428, 'version-required', 'Send the session’s version as If-Match.');
      if (versionIn(ifMatch) !== session.version) {
        throw new HttpError(412, 'version-mismatch', 'Someone else changed this session. Reload it and try again.', {
          currentVersion: session.version,
        });
      }
    }
    const handler = HANDLERS[route.endpoint] as (
      input: EndpointInput<EndpointId>,
      context: RequestContext,
    ) => Promise<unknown>;
    const result = await handler(input, context);
    const version = (result as { session?: { version?: unknown } | null }).session?.version;
    return {
      status: 200,
      body: JSON.stringify(result),
      headers: [JSON_HEADERS, ...(typeof version === 'string' ? [['etag', `"${version}"`] as [string, string]] : [])],
    };
  }

  async function answer(request: Request, basePath = ''): Promise<CoreAnswer> {
    const url = new URL(request.url);
    const path = pathUnder(url.pathname, basePath);
    let endpoint: EndpointId | null = null;
    let rawBody: unknown;
    let replayed = false;
    const done = ({ status, body, headers }: Answer): CoreAnswer => ({
      response: new Response(body, { status, headers: [...headers] as [string, string][] }),
      endpoint,
      body: rawBody,
      replayed,
    });
    try {
      const matched = path === null ? undefined : matchRoute(request.method, path);
      if (!matched) throw new HttpError(404, 'not-found', `No ${request.method} ${url.pathname} in the host API.`);
      const { route, params } = matched;
      endpoint = route.endpoint;
      const text = request.method === 'GET' ? '' : await request.text();
      try {
        rawBody = text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        throw new HttpError(400, 'invalid-json', 'The body is not JSON.');
      }
      const caller = await callerOf(route.definition, request.headers.get('authorization'), options.authenticate);
      const input = inputOf(route, params, url, rawBody);
      const ifMatch = request.headers.get('if-match');
      if (route.definition.method === 'GET') {
        return done(await options.store.read((tx) => run(route, input, contextOf(tx, caller, clock()), ifMatch)));
      }
      const key = request.headers.get('idempotency-key');
      if (route.definition.idempotent && !key)
        throw new HttpError(400, 'idempotency-key-required', 'This write needs an Idempotency-Key header.');
      const scope = key === null ? null : await idempotencyScope(route.endpoint, key, caller, params);
      const fingerprint = fingerprintOf(params, rawBody, ifMatch);
      return done(
        await options.store.write(async (tx) => {
          const nowMs = clock();
          const remembered = scope === null ? undefined : await tx.answer(scope, nowMs);
          if (remembered) {
            if (remembered.fingerprint !== fingerprint)
              throw new HttpError(
                422,
                'idempotency-key-reused',
                'This Idempotency-Key was already used with a different request.',
              );
            replayed = true;
            return { ...remembered, body: await openAnswer(remembered.body, key!, scope!) };
          }
          const context = contextOf(tx, caller, nowMs);
          let result: Answer;
          let errorCode: string | undefined;
          try {
            result = await tx.savepoint(() => run(route, input, context, ifMatch));
          } catch (error) {
            if (!(error instanceof HttpError)) throw error;
            result = errorAnswer(error);
            errorCode = error.code;
          }
          // An offer link that opens nothing reached no one's records: no audit entry, no saved answer,
          // so guessing links cannot fill the database.
          if (caller === null && context.reached.tenant === undefined) return result;
          // Kept for refused writes too (outside the savepoint): who tried what, and why it was refused.
          const audit = await auditEntry({
            id: `audit-${crypto.randomUUID()}`,
            endpoint: route.endpoint,
            caller,
            tenant: caller?.tenant ?? context.reached.tenant ?? null,
            params,
            body: rawBody,
            at: context.now,
            status: result.status,
            errorCode,
            decisions: context.decisions,
          });
          await tx.addAudit(audit);
          // Every final answer is kept, refusals too, so a repeat of the key always gets the same one;
          // a corrected retry (another If-Match, which the fingerprint holds) is a new request: 422.
          if (scope !== null) {
            await tx.putAnswer({
              scope,
              fingerprint,
              ...result,
              body: await sealAnswer(result.body, key!, scope),
              expiresAt: nowMs + ttl,
            });
          }
          return result;
        }),
      );
    } catch (error) {
      if (error instanceof HttpError) return done(errorAnswer(error));
      // The database gave up on a lock (a deadlock, a lock timeout, a serialization failure): nothing
      // was written, and the same request with the same key will go through. A 503 the client retries.
      if (isTransientDatabaseError(error)) {
        const busy = errorAnswer(
          new HttpError(503, 'busy', 'The host was busy with the same records; nothing was changed. Try again.'),
        );
        return done({ ...busy, headers: [...busy.headers, ['retry-after', '1']] });
      }
      // A real host answers a fault of its own with a 500, never a dropped connection; its message
      // says what failed, not a driver's text, which may name tables or data.
      return done(
        errorAnswer(
          new HttpError(
            500,
            'internal-error',
            `The host failed: ${error instanceof Error && !isDatabaseError(error) ? error.message : 'an internal error'}. Nothing was changed.`,
          ),
        ),
      );
    }
  }

  return { answer, handle: async (request, basePath) => (await answer(request, basePath)).response };
}

/** SQLSTATEs after which retrying the same transaction is the cure: deadlock, lock timeout, serialization failure. */
const TRANSIENT_SQLSTATES = new Set(['40P01', '55P03', '40001']);

/** An error from a SQL driver (pg and PGlite put the SQLSTATE in `code`, five characters). */
function isDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

function isTransientDatabaseError(error: unknown): boolean {
  return isDatabaseError(error) && TRANSIENT_SQLSTATES.has((error as { code: string }).code);
}

/** The version an `If-Match` names: one entity tag, `"2"` or `W/"2"`; anything else names none. */
function versionIn(ifMatch: string): string | undefined {
  return /^(?:W\/)?"([^"]*)"$/.exec(ifMatch.trim())?.[1];
}
