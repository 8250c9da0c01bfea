import { mintToken, type TenantSecret } from '@raincheck/host-api/tokens';
import { errorResponse, HttpError, jsonResponse } from './core/http-error.js';
import { newOfferToken, offerTokenHash } from './core/offer-token.js';
import type { HostStore, StoredOffer } from './core/store.js';
import { seedStore, type StoreSeed } from './seed.js';

// Development only: a way for the playground (and test kits) to put a fresh demo practice in a
// scenario and get ready tokens for its people. Off unless the host is started with it.

/** A scenario's records, as the mock host's `seedScenario` makes them (offers named, not yet hashed). */
export type ScenarioSeed = Omit<StoreSeed, 'offers'> & { readonly offers: readonly (Omit<StoredOffer, 'tokenHash'> & { readonly name: string })[] };

/** What the fixtures endpoint needs. */
export interface FixturesOptions {
  /** The scenario's records around `nowMs`, or undefined for a name it does not know. */
  readonly scenario: (name: string, nowMs: number) => ScenarioSeed | undefined;
  /** The secret the host verifies the demo practices' tokens with. */
  readonly secret: TenantSecret;
}

/** What `POST /_fixtures/scenario` answers. */
export interface FixtureAnswer {
  readonly tenant: string;
  /** The scenario's ids as this practice has them (`th-ana` → `<ns>.th-ana`). */
  readonly ids: { readonly therapist: string; readonly sessions: readonly string[] };
  /** Ready bearer tokens (ten minutes) for the practice's therapist, team and admin. */
  readonly tokens: { readonly therapist: string; readonly team: string; readonly admin: string };
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
    sessions: seed.sessions.map((s) => ({ ...s, id: id(s.id), therapistId: id(s.therapistId), clientId: id(s.clientId) })),
    slots: Object.fromEntries(Object.entries(seed.slots).map(([therapist, slots]) => [id(therapist), slots.map(slot)])),
    history: Object.fromEntries(Object.entries(seed.history).map(([therapist, entries]) => [id(therapist), entries.map((e) => ({ ...e, sessionId: id(e.sessionId) }))])),
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
export async function answerFixture(request: Request, store: HostStore, options: FixturesOptions, nowMs: number): Promise<Response> {
  let body: { scenario?: unknown; namespace?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return errorResponse(new HttpError(400, 'invalid-json', 'The body is not JSON.'));
  }
  const ns = body.namespace ?? 'demo';
  if (typeof body.scenario !== 'string' || typeof ns !== 'string' || !NAMESPACE.test(ns)) {
    return errorResponse(new HttpError(400, 'invalid-request', 'Send { "scenario": "<name>", "namespace": "<a-z, 0-9, ->" }.'));
  }
  const seed = options.scenario(body.scenario, nowMs);
  if (!seed) return errorResponse(new HttpError(404, 'not-found', `No scenario "${body.scenario}".`));
  // A fresh practice each time: picking a scenario again starts over, without touching other tabs' practices.
  const unique = `${ns}-${newOfferToken().slice(0, 8).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
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
  const mint = (subject: string, role: 'therapist' | 'team' | 'admin') => mintToken({ tenant, subject, role, secret: options.secret, ttlSeconds: 600, now: () => nowMs });
  const answer: FixtureAnswer = {
    tenant,
    ids: { therapist, sessions: rest.sessions.map((s) => s.id) },
    tokens: { therapist: await mint(therapist, 'therapist'), team: await mint(`${unique}.team`, 'team'), admin: await mint(`${unique}.admin`, 'admin') },
    offerTokens,
  };
  return jsonResponse(200, answer);
}
