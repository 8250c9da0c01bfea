import type { EndpointId, Refund, Session } from '@raincheck/host-api';
import { mintToken, verifyToken } from '@raincheck/host-api/tokens';
import {
  createHostCore,
  createOutboxWorker,
  renderMessage,
  DEFAULT_IDEMPOTENCY_TTL_MS,
  linkSeal,
  type OutboxWorker,
  type RefundOrder,
  errorResponse,
  HttpError,
  matchRoute,
  newOfferToken,
  notificationsOf,
  offerTokenHash,
  pathUnder,
  type HostCore,
  type OutboxRow,
  type StoredAuditEntry,
  type StoredNotification,
  type StoredTeamRequest,
} from '@raincheck/host/core';
import { createPolicy, type Policy } from '@raincheck/policy';
import { defaultRuleFiles, DEFAULT_POLICY } from '@raincheck/policy/rules';
import { recordingNotifier, recordingRefunds, type DeliveredMessage } from './delivery.js';
import { applyFault, type Fault } from './faults.js';
import { MOCK_IDENTITIES, MOCK_TENANT_SECRETS, type MockIdentity } from './identities.js';
import { createMemoryStore, type MemoryData } from './memory-store.js';
import { londonIso, seedScenario, type HostState, type ScenarioName, type ScenarioTweaks } from './scenarios.js';
import { fillTeamQueue } from './team-queue.js';

export { DEFAULT_IDEMPOTENCY_TTL_MS };
export type { Fault };

/** A notification the host decided to send the client (its outbox). */
export type SentNotification = StoredNotification;

/** One request the host received, and what it answered. */
export interface RecordedRequest {
  readonly endpoint: EndpointId | null;
  readonly method: string;
  readonly url: string;
  readonly idempotencyKey: string | null;
  readonly ifMatch: string | null;
  readonly body: unknown;
  readonly status: number;
  /** True when the answer was replayed for a repeated idempotency key. */
  readonly replayed: boolean;
}

/** How to start a mock host. */
export interface MockHostOptions {
  /** The seeded situation; default `ordinary-cancellation`. */
  readonly scenario?: ScenarioName;
  /** Rule files to apply (as `createPolicy` takes them); default the package's default rules. */
  readonly rules?: Readonly<Record<string, unknown>>;
  /** The host's clock; default the real one. Scenarios, tokens and offers all follow it. */
  readonly now?: () => number;
  /** Changes to the scenario's facts. */
  readonly tweaks?: ScenarioTweaks;
  /**
   * How long an idempotency key is remembered, in ms of the host's clock: a repeat within it gets
   * the first answer; after it the key is forgotten and the request is new. Default 24 hours.
   */
  readonly idempotencyTtlMs?: number;
  /** How offer links are written in messages; default `https://practice.example/offer/{token}`. */
  readonly offerUrl?: (token: string) => string;
}

/** What the host did, for assertions: live views of its store. */
export interface MockHostRecords {
  readonly requests: RecordedRequest[];
  /** What the host's writes decided to tell clients at once, one entry per message (its channels together). */
  readonly notifications: readonly SentNotification[];
  /** The outbox itself: every row, follow-ups, expiries and refunds included, with its delivery state. */
  readonly outbox: readonly OutboxRow[];
  /** The messages the host's worker delivered (each write's are delivered before its answer). */
  readonly delivered: readonly DeliveredMessage[];
  /** The refunds its refund provider carried out. */
  readonly refundOrders: readonly RefundOrder[];
  readonly refunds: readonly Refund[];
  /** Every tenant's team requests, oldest first, with the decision each was raised under. */
  readonly teamRequests: readonly StoredTeamRequest[];
  /** Every write, refused ones too: who acted, what the widget showed and what the host decided. */
  readonly audit: readonly StoredAuditEntry[];
}

/** What {@link MockHost.token} mints. */
export interface MockTokenOptions {
  /** Seconds it lives, 1 to 600; default 300. */
  readonly ttlSeconds?: number;
  /** A token that expired a few minutes ago, for the refresh-after-401 path. */
  readonly expired?: boolean;
}

/** An in-memory host API that behaves like a real host: the host core on an in-memory store. */
export interface MockHost {
  /** Answers one request to the host API (paths relative to the API's base). */
  handle(request: Request, basePath?: string): Promise<Response>;
  /**
   * A `fetch` that goes straight to `handle` for an API served at `baseUrl`: for
   * `createHostClient({ baseUrl, fetch: host.fetchAt(baseUrl), token })` without msw.
   */
  fetchAt(baseUrl: string): typeof fetch;
  /** Resolves once the scenario is in place (its offers stored, its team queue filled); `handle` waits for it. */
  readonly ready: Promise<void>;
  /** Who a scenario knows: `therapist` (th-ana), `team`, `admin`, and others of this and another practice. */
  readonly identities: typeof MOCK_IDENTITIES;
  /** A fresh bearer token for `who`, minted on the host's clock with its tenant's secret. */
  token(who: MockIdentity, options?: MockTokenOptions): Promise<string>;
  /** The scenario's offer links' tokens by name (`client-offer`: `open`, `expired`, `answered`); the host keeps only hashes. */
  readonly offerTokens: Readonly<Record<string, string>>;
  readonly records: MockHostRecords;
  /** The current state, for assertions and for the playground. */
  readonly state: {
    session(id: string): Session | undefined;
    /** The committed state itself: changing it changes what the host serves next. */
    readonly seed: HostState;
  };
  readonly faults: {
    set(endpoint: EndpointId, fault: Fault): void;
    clear(endpoint?: EndpointId): void;
  };
  /** Back to a scenario's starting state (with `tweaks`), records and faults cleared. */
  reset(scenario?: ScenarioName, tweaks?: ScenarioTweaks): void;
  /**
   * Applies other rule files from now on, as a host does when its policy owner publishes a new
   * version. Throws `PolicyValidationError` for invalid files and keeps the current policy.
   */
  setRules(
    rules: Readonly<Record<string, unknown>>,
    identity?: { readonly id?: string; readonly version?: string },
  ): void;
  /** The policy the host applies now. */
  readonly policy: Policy;
}

const MINUTE = 60_000;

/**
 * Tokens and offer hashes need Web Crypto, which browsers give only to secure contexts: say so
 * plainly rather than fail deep inside a JWT library.
 */
function requireWebCrypto(): void {
  if (typeof crypto === 'undefined' || typeof crypto.subtle === 'undefined') {
    throw new Error(
      'The mock host needs Web Crypto (crypto.subtle), which browsers give only to secure contexts: serve the page over https or from localhost.',
    );
  }
}

/**
 * Creates an in-memory host: the host core (the same endpoint behaviour as the reference host) on
 * an in-memory store, with scenarios, real bearer tokens for the scenario's people, and fault
 * injection. It enforces the contract and who may do what, honours idempotency keys, `If-Match`
 * and slot conflicts, re-decides every write with @raincheck/policy, and records notifications,
 * refunds and team requests.
 */
export function createMockHost(options: MockHostOptions = {}): MockHost {
  const clock = options.now ?? (() => Date.now());
  let policy = createPolicy(options.rules ?? defaultRuleFiles, options.rules ? {} : DEFAULT_POLICY);
  let data: MemoryData;
  let core: HostCore;
  let ready: Promise<void>;
  let offerTokens: Record<string, string> = {};
  let worker: OutboxWorker;
  const delivered: DeliveredMessage[] = [];
  const refundOrders: RefundOrder[] = [];
  // A fresh secret per mock host: the links it seals are only ever opened by its own worker.
  const seal = linkSeal(crypto.randomUUID());
  const offerUrl = options.offerUrl ?? ((offerToken: string) => `https://practice.example/offer/${offerToken}`);
  const faults = new Map<EndpointId, { fault: Fault; left: number }>();
  const requests: RecordedRequest[] = [];

  const authenticate = (authorization: string | null) =>
    verifyToken(authorization, { secret: (tenant) => MOCK_TENANT_SECRETS[tenant], now: clock });
  const token = async (who: MockIdentity, tokenOptions: MockTokenOptions = {}) => {
    requireWebCrypto();
    const identity = MOCK_IDENTITIES[who];
    const minted = tokenOptions.expired ? () => clock() - 11 * MINUTE : clock;
    return mintToken({
      ...identity,
      secret: MOCK_TENANT_SECRETS[identity.tenant]!,
      now: minted,
      ...(tokenOptions.ttlSeconds === undefined ? {} : { ttlSeconds: tokenOptions.ttlSeconds }),
    });
  };

  function reset(
    scenario: ScenarioName = options.scenario ?? 'ordinary-cancellation',
    tweaks: ScenarioTweaks = options.tweaks ?? {},
  ): void {
    const { offers, ...seed } = structuredClone(seedScenario(scenario, clock(), tweaks));
    const state: HostState = { ...seed, offers: [] };
    data = {
      seed: state,
      refunds: [],
      teamRequests: [],
      outbox: [],
      audit: [],
      policies: [],
      answers: new Map(),
      sequence: 0,
    };
    const store = createMemoryStore(data);
    core = createHostCore({
      store,
      authenticate,
      policy: () => policy,
      now: clock,
      instant: londonIso,
      linkSeal: seal,
      ...(options.idempotencyTtlMs === undefined ? {} : { idempotencyTtlMs: options.idempotencyTtlMs }),
    });
    const at = () => londonIso(clock());
    worker = createOutboxWorker({
      store,
      policy: () => policy,
      now: clock,
      instant: londonIso,
      linkSeal: seal,
      offerUrl,
      render: (facts) => renderMessage(facts),
      notifiers: [recordingNotifier(delivered, at)],
      refunds: recordingRefunds(refundOrders),
      random: () => 0.5,
    });
    faults.clear();
    requests.length = 0;
    delivered.length = 0;
    refundOrders.length = 0;
    // Each seeded offer gets a fresh random token; the store keeps only its hash, as a real host does.
    const tokens = offers.map(() => newOfferToken());
    offerTokens = Object.fromEntries(offers.map((offer, i) => [offer.name, tokens[i]!]));
    // This reset's own data and core: a fill still running when the next reset comes writes to them, never to the next scenario's.
    const prepared = data;
    const preparedCore = core;
    const preparedWorker = worker;
    ready = (async () => {
      const hashes = await Promise.all(tokens.map(offerTokenHash));
      prepared.seed.offers.push(...offers.map(({ name: _name, ...offer }, i) => ({ ...offer, tokenHash: hashes[i]! })));
      if (scenario === 'team-queue') {
        const send = async (
          who: MockIdentity,
          method: 'GET' | 'POST' | 'PUT',
          path: string,
          body: unknown,
          headers: Readonly<Record<string, string>> = {},
        ) =>
          preparedCore.handle(
            new Request(`http://mock-host${path}`, {
              method,
              ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
              headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(who)}`, ...headers },
            }),
          );
        const backdate = (requestId: string, days: number) => {
          const index = prepared.teamRequests.findIndex((r) => r.id === requestId);
          if (index >= 0)
            prepared.teamRequests[index] = {
              ...prepared.teamRequests[index]!,
              createdAt: londonIso(clock() - days * 86_400_000),
            };
        };
        await fillTeamQueue(
          send,
          prepared.seed,
          policy,
          { day: (days) => londonIso(clock() + days * 86_400_000).slice(0, 10), now: () => londonIso(clock()) },
          backdate,
        );
        await preparedWorker.drain();
      }
    })();
    // A scenario that cannot be prepared is reported by every request (and by `ready`), not as an unhandled rejection.
    ready.catch(() => undefined);
  }
  reset();

  async function handle(request: Request, basePath = ''): Promise<Response> {
    try {
      requireWebCrypto();
      await ready;
    } catch (error) {
      return errorResponse(
        new HttpError(500, 'internal-error', error instanceof Error ? error.message : String(error)),
      );
    }
    const path = pathUnder(new URL(request.url).pathname, basePath);
    let endpoint: EndpointId | undefined;
    try {
      endpoint = path === null ? undefined : matchRoute(request.method, path)?.route.endpoint;
    } catch {
      // A path the router cannot decode is the core's to answer (400), with no fault applied.
    }
    const record = (status: number, fields: Partial<RecordedRequest>) =>
      requests.push({
        endpoint: endpoint ?? null,
        method: request.method,
        url: request.url,
        idempotencyKey: request.headers.get('idempotency-key'),
        ifMatch: request.headers.get('if-match'),
        body: undefined,
        replayed: false,
        ...fields,
        status,
      });
    const entry = endpoint && faults.get(endpoint);
    if (entry) {
      if (--entry.left <= 0) faults.delete(endpoint!);
      const injected = await applyFault(entry.fault, request.signal);
      if (injected) {
        record(injected.status, {});
        return injected;
      }
    }
    const answer = await core.answer(request, basePath);
    record(answer.response.status, { body: answer.body, replayed: answer.replayed });
    // What the write put in the outbox is delivered before the answer: the records show it at once.
    // A failing delivery is not the write's failure: its row stays in the outbox for the next drain.
    if (request.method !== 'GET') await worker.drain().catch(() => undefined);
    return answer.response;
  }

  return {
    handle,
    fetchAt: (baseUrl) => {
      const basePath = new URL(baseUrl, 'http://localhost').pathname;
      return (input, init) =>
        handle(
          input instanceof Request
            ? new Request(input, init)
            : new Request(new URL(String(input), 'http://localhost'), init),
          basePath,
        );
    },
    get ready() {
      return ready;
    },
    identities: MOCK_IDENTITIES,
    token,
    get offerTokens() {
      return offerTokens;
    },
    records: {
      requests,
      get notifications() {
        return notificationsOf(data.outbox, { immediateOnly: true });
      },
      get outbox() {
        return data.outbox;
      },
      delivered,
      refundOrders,
      get refunds() {
        return data.refunds;
      },
      get teamRequests() {
        return data.teamRequests;
      },
      get audit() {
        return data.audit;
      },
    },
    state: {
      session: (id) => {
        const session = data.seed.sessions.find((s) => s.id === id);
        const client = session && data.seed.clients.find((c) => c.id === session.clientId);
        if (!session || !client) return undefined;
        const { clientId: _client, ...rest } = session;
        const refund = data.refunds.find((r) => r.sessionId === id);
        return {
          ...rest,
          client: {
            id: client.id,
            displayName: client.displayName,
            ...(client.timeZone ? { timeZone: client.timeZone } : {}),
          },
          ...(refund ? { refund } : {}),
        };
      },
      get seed() {
        return data.seed;
      },
    },
    faults: {
      set: (endpoint, fault) => faults.set(endpoint, { fault, left: fault.times ?? Number.POSITIVE_INFINITY }),
      clear: (endpoint) => {
        if (endpoint) faults.delete(endpoint);
        else faults.clear();
      },
    },
    reset,
    setRules: (rules, identity = {}) => {
      policy = createPolicy(rules, identity);
      // The host's policy owner replaced the rules for everyone: versions tenants published give way.
      data.policies.length = 0;
    },
    get policy() {
      return policy;
    },
  };
}
