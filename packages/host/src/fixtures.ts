import { mintToken, type TenantSecret } from '@raincheck/host-api/tokens';
import { errorResponse, HttpError, jsonResponse } from './core/http-error.js';
import { newOfferToken, offerTokenHash } from './core/offer-token.js';
import type { Policy } from '@raincheck/policy';
import type { HostStore, StoredOffer } from './core/store.js';
import { seedStore, type StoreSeed } from './seed.js';

// Development only: a way for the playground (and test kits) to put a fresh demo practice in a
// scenario and get ready tokens for its people. Off unless the host is started with it.

/** A scenario's records, as the mock host's `seedScenario` makes them (offers named, not yet hashed). */
export type ScenarioSeed = Omit<StoreSeed, 'offers'> & {
  readonly offers: readonly (Omit<StoredOffer, 'tokenHash'> & { readonly name: string })[];
};

/** What the fixtures endpoint needs. */
export interface FixturesOptions {
  /** The scenario's records around `nowMs` with `tweaks` (the mock host's), or undefined for a name it does not know. */
  readonly scenario: (
    name: string,
    nowMs: number,
    tweaks: Readonly<Record<string, unknown>>,
  ) => ScenarioSeed | undefined;
  /** The secret the host verifies the demo practices' tokens with. */
  readonly secret: TenantSecret;
  /**
   * Runs after the scenario's records are in: writes made through the host itself, as its people
   * would (the mock host's `fillTeamQueue` for `team-queue`), so they carry real decisions.
   */
  readonly prepare?: (scenario: string, practice: PracticeWriter) => Promise<void>;
}

/** What {@link FixturesOptions.prepare} may do in a new demo practice. */
export interface PracticeWriter {
  /** Sends a request to the host as the practice's therapist, team or admin. */
  readonly send: (
    who: string,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    headers?: Readonly<Record<string, string>>,
  ) => Promise<Response>;
  /** The practice's records as seeded (ids in its namespace). */
  readonly seed: Omit<ScenarioSeed, 'offers'>;
  /** The policy it decides with. */
  readonly policy: Policy;
  /** The host's clock: a day `offsetDays` from now, and now, as the host writes them. */
  readonly clock: { readonly day: (offsetDays: number) => string; readonly now: () => string };
  /** Dates a team request back, so a queue has ages. */
  readonly backdate: (requestId: string, days: number) => void;
}

/** The host a fixture is made in: its store, its own handler and policy. */
export interface FixtureHost {
  readonly store: HostStore;
  readonly handle: (request: Request) => Promise<Response>;
  readonly policy: Policy;
}

/** What `POST /_fixtures/scenario` answers. */
export interface FixtureAnswer {
  readonly tenant: string;
  /** The scenario's ids as this practice has them (`th-ana` → `<ns>.th-ana`). */
  readonly ids: { readonly therapist: string; readonly sessions: readonly string[] };
  /** Ready bearer tokens (ten minutes) for the practice's therapist, team and admin. */
  readonly tokens: { readonly therapist: string; readonly team: string; readonly admin: string };
  /** Whom those tokens name, for fresh ones from `POST /_fixtures/token`. */
  readonly subjects: { readonly therapist: string; readonly team: string; readonly admin: string };
  /** The scenario's offer links' tokens, by name. */
  readonly offerTokens: Readonly<Record<string, string>>;
}

const NAMESPACE = /^[a-z0-9-]{1,40}$/;

/** The seed with every id in the namespace, so several demo practices live side by side in one database. */
function namespaced(seed: ScenarioSeed, ns: string, tenant: string): ScenarioSeed {
  const id = (value: string) => `${ns}.${value}`;
  const slot = <S extends { readonly id: string }>(s: S): S => ({ ...s, id: id(s.id) });
  return {
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
 * Answers `POST /_fixtures/scenario` with `{ scenario, namespace }`: a new demo practice (its own
 * tenant, its ids in the namespace) in that scenario, with tokens for its people.
 */
export async function answerFixture(
  request: Request,
  host: FixtureHost,
  options: FixturesOptions,
  nowMs: number,
): Promise<Response> {
  const { store } = host;
  let body: { scenario?: unknown; namespace?: unknown; tweaks?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return errorResponse(new HttpError(400, 'invalid-json', 'The body is not JSON.'));
  }
  const ns = body.namespace ?? 'demo';
  if (typeof body.scenario !== 'string' || typeof ns !== 'string' || !NAMESPACE.test(ns)) {
    return errorResponse(
      new HttpError(400, 'invalid-request', 'Send { "scenario": "<name>", "namespace": "<a-z, 0-9, ->" }.'),
    );
  }
  const tweaks = body.tweaks ?? {};
  if (tweaks === null || typeof tweaks !== 'object' || Array.isArray(tweaks))
    return errorResponse(
      new HttpError(400, 'invalid-request', 'tweaks must be an object, as the mock host takes them.'),
    );
  const seed = options.scenario(body.scenario, nowMs, tweaks as Record<string, unknown>);
  if (!seed) return errorResponse(new HttpError(404, 'not-found', `No scenario "${body.scenario}".`));
  // A fresh practice each time: picking a scenario again starts over, without touching other tabs' practices.
  const unique = `${ns}-${newOfferToken()
    .slice(0, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const tenant = `demo-${unique}`;
  const { offers, ...rest } = namespaced(seed, unique, tenant);
  const offerTokens: Record<string, string> = {};
  const stored: StoredOffer[] = [];
  for (const { name, ...offer } of offers) {
    const token = newOfferToken();
    offerTokens[name] = token;
    stored.push({ ...offer, tokenHash: await offerTokenHash(token) });
  }
  await seedStore(store, { ...rest, offers: stored });
  const therapist = rest.therapists[0]!.id;
  const mint = (subject: string, role: 'therapist' | 'team' | 'admin') =>
    mintToken({ tenant, subject, role, secret: options.secret, ttlSeconds: 600, now: () => nowMs });
  const subjects = { therapist, team: `${unique}.team`, admin: `${unique}.admin` };
  const tokens = {
    therapist: await mint(subjects.therapist, 'therapist'),
    team: await mint(subjects.team, 'team'),
    admin: await mint(subjects.admin, 'admin'),
  };
  if (options.prepare) {
    const backdated: [string, number][] = [];
    await options.prepare(body.scenario, {
      send: (who, method, path, requestBody, headers = {}) =>
        host.handle(
          new Request(`http://fixtures${path}`, {
            method,
            ...(method === 'GET' ? {} : { body: JSON.stringify(requestBody) }),
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${who === 'team' ? tokens.team : who === 'admin' ? tokens.admin : tokens.therapist}`,
              ...headers,
            },
          }),
        ),
      seed: rest,
      policy: host.policy,
      clock: {
        day: (days) => new Date(nowMs + days * 86_400_000).toISOString().slice(0, 10),
        now: () => new Date(nowMs).toISOString(),
      },
      backdate: (requestId, days) => void backdated.push([requestId, days]),
    });
    await store.write(async (tx) => {
      for (const [id, days] of backdated) {
        const request = await tx.teamRequest(id);
        if (request)
          await tx.putTeamRequest({ ...request, createdAt: new Date(nowMs - days * 86_400_000).toISOString() });
      }
    });
  }
  const answer: FixtureAnswer = {
    tenant,
    ids: { therapist, sessions: rest.sessions.map((s) => s.id) },
    tokens,
    subjects,
    offerTokens,
  };
  return jsonResponse(200, answer);
}

/**
 * Answers `POST /_fixtures/token` with `{ tenant, subject, role }`: a fresh ten-minute token for
 * someone of a demo practice (tenants `demo-…` only), so a page can refresh the tokens a fixture gave.
 */
export async function answerFixtureToken(request: Request, options: FixturesOptions, nowMs: number): Promise<Response> {
  let body: { tenant?: unknown; subject?: unknown; role?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return errorResponse(new HttpError(400, 'invalid-json', 'The body is not JSON.'));
  }
  const { tenant, subject, role } = body;
  if (
    typeof tenant !== 'string' ||
    !tenant.startsWith('demo-') ||
    typeof subject !== 'string' ||
    (role !== 'therapist' && role !== 'team' && role !== 'admin')
  ) {
    return errorResponse(
      new HttpError(
        400,
        'invalid-request',
        'Send { "tenant": "demo-…", "subject": "…", "role": "therapist" | "team" | "admin" } for a demo practice.',
      ),
    );
  }
  return jsonResponse(200, {
    token: await mintToken({ tenant, subject, role, secret: options.secret, ttlSeconds: 600, now: () => nowMs }),
  });
}
