import { mintToken, verifyToken } from '@raincheck/host-api/tokens';
import {
  createHostCore,
  createOutboxWorker,
  errorResponse,
  HttpError,
  linkSeal,
  newOfferToken,
  notificationsOf,
  offerTokenHash,
  pathUnder,
  renderMessage,
  type RefundOrder,
  type StoredNotification,
  type StoredOffer,
} from '@raincheck/host/core';
import { createPolicy, type Policy } from '@raincheck/policy';
import { defaultRuleFiles, DEFAULT_POLICY } from '@raincheck/policy/rules';
import { recordingNotifier, recordingRefunds, type DeliveredMessage } from './delivery.js';
import { createMemoryStore, type MemoryData } from './memory-store.js';
import { londonIso, SCENARIOS, seedScenario, type Seed, type ScenarioName } from './scenarios.js';
import { fillTeamQueue } from './team-queue.js';

// The mock host with the reference host's development fixtures (`raincheck-host serve --fixtures`):
// every `POST /_fixtures/scenario` puts a fresh practice (its own tenant, its ids namespaced) into
// a scenario, so a test kit (`raincheck conformance --fixtures`) can run against the mock host just
// as against the reference host. It answers the same bodies as packages/host/src/fixtures.ts (which
// it mirrors; that one works on the SQL store), plus the shared test clock `POST /_fixtures/clock`.
// Its outbox is delivered by the mock host's in-process worker (the reference host's, with
// recording notifiers) after every write and clock move, so the notification history shows what a
// host with a worker shows: sent messages, follow-ups once due, expiries run.
// The scenario handler stays a copy: @raincheck/host exports `answerFixture` from neither entry.

/** How to make a mock host with fixtures. */
export interface MockFixturesHostOptions {
  /** The HS256 secret every practice's tokens are signed and verified with (at least 32 bytes). */
  readonly secret?: string;
  /** The real clock the test clock moves from, epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /** Rule files every practice decides with (as `createPolicy` takes them); default the default rules. */
  readonly rules?: Readonly<Record<string, unknown>>;
  /** Where the API is mounted (`/raincheck`); default the root. The fixtures live under it too. */
  readonly basePath?: string;
}

/** A mock host serving fixtures: a web-standard handler, like the reference host's `fetch`. */
export interface MockFixturesHost {
  /** Answers one request: the host API, `GET /healthz` and `POST /_fixtures/{scenario,token,clock}`. */
  fetch(request: Request): Promise<Response>;
  /** The host's clock now (the test clock), epoch ms. */
  readonly now: () => number;
  /** The policy every practice decides with unless it published its own. */
  readonly policy: Policy;
  /** The outbox, every practice's, oldest first: what the host decided to tell clients. */
  readonly notifications: () => readonly StoredNotification[];
  /** The messages its worker delivered, every practice's, oldest first. */
  readonly delivered: readonly DeliveredMessage[];
  /** The refunds its worker carried out. */
  readonly refundOrders: readonly RefundOrder[];
}

/** The development secret of a mock host with fixtures: a public test value. */
export const MOCK_FIXTURES_SECRET = 'raincheck-mock-host-fixtures-secret-for-tests';

const NAMESPACE = /^[a-z0-9-]{1,40}$/;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const badRequest = (message: string) => errorResponse(new HttpError(400, 'invalid-request', message));

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json();
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A scenario's seed with every id in the namespace and every therapist in the tenant. */
function namespaced(seed: Seed, ns: string, tenant: string): Seed {
  const id = (value: string) => `${ns}.${value}`;
  const slot = <S extends { readonly id: string }>(s: S): S => ({ ...s, id: id(s.id) });
  return {
    now: seed.now,
    therapists: seed.therapists.map((t) => ({ ...t, id: id(t.id), tenant })),
    clients: seed.clients.map((c) => ({ ...c, id: id(c.id) })),
    sessions: seed.sessions.map((s) => ({
      ...s,
      id: id(s.id),
      therapistId: id(s.therapistId),
      clientId: id(s.clientId),
    })),
    slots: Object.fromEntries(Object.entries(seed.slots).map(([therapist, slots]) => [id(therapist), slots.map(slot)])),
    history: Object.fromEntries(
      Object.entries(seed.history).map(([therapist, entries]) => [
        id(therapist),
        entries.map((e) => ({ ...e, sessionId: id(e.sessionId) })),
      ]),
    ),
    offers: seed.offers.map((o) => ({
      ...o,
      sessionId: id(o.sessionId),
      alternatives: o.alternatives.map(slot),
      ...(o.answer ? { answer: { ...o.answer, ...(o.answer.slotId ? { slotId: id(o.answer.slotId) } : {}) } } : {}),
    })),
  };
}

/**
 * Creates the mock host (the host core on the in-memory store) with the development fixtures of
 * the reference host: fresh practices per scenario, tokens for their people and a test clock.
 * For tests and conformance runs only: it mints tokens for anyone asking.
 */
export function createMockFixturesHost(options: MockFixturesHostOptions = {}): MockFixturesHost {
  const secret = options.secret ?? MOCK_FIXTURES_SECRET;
  const realNow = options.now ?? Date.now;
  let offsetMs = 0;
  const clock = () => realNow() + offsetMs;
  const policy = createPolicy(options.rules ?? defaultRuleFiles, options.rules ? {} : DEFAULT_POLICY);
  const data: MemoryData = {
    seed: { now: londonIso(clock()), therapists: [], clients: [], sessions: [], slots: {}, history: {}, offers: [] },
    refunds: [],
    teamRequests: [],
    outbox: [],
    audit: [],
    policies: [],
    answers: new Map(),
    sequence: 0,
  };
  const store = createMemoryStore(data);
  // Links are sealed into the outbox so the worker can write them into messages, as the reference host does.
  const seal = linkSeal(crypto.randomUUID());
  const core = createHostCore({
    store,
    authenticate: (authorization) => verifyToken(authorization, { secret, now: clock }),
    policy: () => policy,
    now: clock,
    instant: londonIso,
    linkSeal: seal,
  });
  const delivered: DeliveredMessage[] = [];
  const refundOrders: RefundOrder[] = [];
  const at = () => londonIso(clock());
  const worker = createOutboxWorker({
    store,
    policy: () => policy,
    now: clock,
    instant: londonIso,
    linkSeal: seal,
    offerUrl: (offerToken) => `https://practice.example/offer/${offerToken}`,
    render: renderMessage,
    notifiers: [recordingNotifier(delivered, at)],
    refunds: recordingRefunds(refundOrders),
    random: () => 0.5,
  });
  const basePath = options.basePath ?? '';
  const mint = (tenant: string, subject: string, role: 'therapist' | 'team' | 'admin') =>
    mintToken({ tenant, subject, role, secret, ttlSeconds: 600, now: clock });

  async function scenario(request: Request): Promise<Response> {
    const body = await jsonBody(request);
    const ns = body?.namespace ?? 'demo';
    if (!body || typeof body.scenario !== 'string' || typeof ns !== 'string' || !NAMESPACE.test(ns))
      return badRequest('Send { "scenario": "<name>", "namespace": "<a-z, 0-9, ->" }.');
    const tweaks = body.tweaks ?? {};
    if (tweaks === null || typeof tweaks !== 'object' || Array.isArray(tweaks))
      return badRequest('tweaks must be an object, as the mock host takes them.');
    if (!Object.hasOwn(SCENARIOS, body.scenario))
      return errorResponse(new HttpError(404, 'not-found', `No scenario "${body.scenario}".`));
    const name = body.scenario as ScenarioName;
    const unique = `${ns}-${newOfferToken()
      .slice(0, 8)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    const tenant = `demo-${unique}`;
    const seed = namespaced(seedScenario(name, clock(), tweaks), unique, tenant);
    const offerTokens: Record<string, string> = {};
    const offers: StoredOffer[] = [];
    for (const { name: offerName, ...offer } of seed.offers) {
      offerTokens[offerName] = newOfferToken();
      offers.push({ ...offer, tokenHash: await offerTokenHash(offerTokens[offerName]) });
    }
    await store.write(async (tx) => {
      for (const therapist of seed.therapists) await tx.putTherapist(therapist);
      for (const client of seed.clients) await tx.putClient(client);
      for (const session of seed.sessions) await tx.putSession(session);
      for (const [therapistId, slots] of Object.entries(seed.slots))
        for (const slot of slots) await tx.addSlot(therapistId, slot);
      for (const [therapistId, entries] of Object.entries(seed.history))
        for (const entry of entries) await tx.addHistory(therapistId, entry);
      for (const offer of offers) await tx.putOffer(offer);
    });
    const therapist = seed.therapists[0]!.id;
    const subjects = { therapist, team: `${unique}.team`, admin: `${unique}.admin` };
    const tokens = {
      therapist: await mint(tenant, subjects.therapist, 'therapist'),
      team: await mint(tenant, subjects.team, 'team'),
      admin: await mint(tenant, subjects.admin, 'admin'),
    };
    if (name === 'team-queue') {
      const send = (
        who: string,
        method: 'GET' | 'POST' | 'PUT',
        path: string,
        requestBody: unknown,
        headers: Readonly<Record<string, string>> = {},
      ) =>
        core.handle(
          new Request(`http://fixtures${path}`, {
            method,
            ...(method === 'GET' ? {} : { body: JSON.stringify(requestBody) }),
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${who === 'team' ? tokens.team : who === 'admin' ? tokens.admin : tokens.therapist}`,
              ...headers,
            },
          }),
        );
      const backdate = (requestId: string, days: number) => {
        const index = data.teamRequests.findIndex((r) => r.id === requestId);
        if (index >= 0)
          data.teamRequests[index] = {
            ...data.teamRequests[index]!,
            createdAt: londonIso(clock() - days * 86_400_000),
          };
      };
      await fillTeamQueue(
        send,
        seed,
        policy,
        { day: (days) => londonIso(clock() + days * 86_400_000).slice(0, 10), now: () => londonIso(clock()) },
        backdate,
      );
    }
    return json(200, {
      tenant,
      ids: { therapist, sessions: seed.sessions.map((s) => s.id) },
      tokens,
      subjects,
      offerTokens,
    });
  }

  async function token(request: Request): Promise<Response> {
    const body = await jsonBody(request);
    const { tenant, subject, role } = body ?? {};
    if (
      typeof tenant !== 'string' ||
      !tenant.startsWith('demo-') ||
      typeof subject !== 'string' ||
      subject === '' ||
      (role !== 'therapist' && role !== 'team' && role !== 'admin')
    ) {
      return badRequest(
        'Send { "tenant": "demo-…", "subject": "…", "role": "therapist" | "team" | "admin" } for a demo practice.',
      );
    }
    return json(200, { token: await mint(tenant, subject, role) });
  }

  async function moveClock(request: Request): Promise<Response> {
    const body = await jsonBody(request);
    if (body && typeof body.advanceMinutes === 'number' && Number.isFinite(body.advanceMinutes))
      offsetMs += body.advanceMinutes * 60_000;
    else if (body && typeof body.now === 'string' && Number.isFinite(Date.parse(body.now)))
      offsetMs = Date.parse(body.now) - realNow();
    else return badRequest('Send { "advanceMinutes": <number> } or { "now": "<ISO instant>" }.');
    return json(200, { now: new Date(clock()).toISOString() });
  }

  const fixtures: Readonly<Record<string, (request: Request) => Promise<Response>>> = {
    '/_fixtures/scenario': scenario,
    '/_fixtures/token': token,
    '/_fixtures/clock': moveClock,
  };

  return {
    policy,
    now: clock,
    notifications: () => notificationsOf(data.outbox),
    delivered,
    refundOrders,
    fetch: async (request) => {
      const path = pathUnder(new URL(request.url).pathname, basePath);
      if (request.method === 'GET' && path === '/healthz') return json(200, { ok: true });
      const fixture = request.method === 'POST' && path !== null ? fixtures[path] : undefined;
      const answer = await (fixture ? fixture(request) : core.handle(request, basePath));
      // What a write (or the clock's move) made due is delivered before the answer, as the mock host
      // does; a failing delivery is not the write's failure: its row waits for the next drain.
      if (request.method !== 'GET') await worker.drain().catch(() => undefined);
      return answer;
    },
  };
}
