import {
  ENDPOINTS,
  type EndpointDefinition,
  type EndpointId,
  type Refund,
  type Session,
  type TeamRequest,
  type TeamRequestKind,
} from '@raincheck/host-api';
import { canonicalJson, createPolicy, type Decision, type Facts, type Policy } from '@raincheck/policy';
import { toValidationIssues } from '@raincheck/policy/schemas';
import { defaultRuleFiles, DEFAULT_POLICY } from '@raincheck/policy/rules';
import { seedScenario, londonIso, type MockClient, type ScenarioTweaks, type ScenarioName, type Seed, type StoredOffer, type StoredSession } from './scenarios.js';
import { createKeyedLock } from './keyed-lock.js';

/** A notification the host would have sent the client. */
export interface SentNotification {
  readonly clientId: string;
  readonly sessionId: string;
  readonly kind: 'session-cancelled' | 'session-rearranged' | 'refund';
  readonly channels: readonly string[];
  readonly at: string;
}

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

/** A misbehaviour to inject into one endpoint's next answers. */
export interface Fault {
  /** Wait this long before answering. */
  readonly latencyMs?: number;
  /** Answer with this status (500, 503, 429 …) and an error body, without doing anything. */
  readonly status?: number;
  /** Sent as Retry-After with a 429 or 503. */
  readonly retryAfterSeconds?: number;
  /** Never answer (until the request is aborted). */
  readonly timeout?: boolean;
  /** Answer 200 with a body that breaks the contract. */
  readonly malformed?: boolean;
  /** Answer 409 slot-taken, as if someone had just taken the slot. */
  readonly conflict?: boolean;
  /** How many answers this applies to; default every one until cleared. */
  readonly times?: number;
}

/** How to start a mock host. */
export interface MockHostOptions {
  /** The seeded situation; default `ordinary-cancellation`. */
  readonly scenario?: ScenarioName;
  /** Rule files to apply (as `createPolicy` takes them); default the package's default rules. */
  readonly rules?: Readonly<Record<string, unknown>>;
  /** The host's clock; default the real one. Scenarios are built around it. */
  readonly now?: () => number;
  /** Changes to the scenario's facts. */
  readonly tweaks?: ScenarioTweaks;
  /**
   * How long an idempotency key is remembered, in ms of the host's clock: a repeat within it gets
   * the first answer; after it the key is forgotten and the request is new. Default 24 hours.
   */
  readonly idempotencyTtlMs?: number;
}

/** How long the mock host remembers an idempotency key unless told otherwise: 24 hours. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** What the host did, for assertions. */
export interface MockHostRecords {
  readonly requests: RecordedRequest[];
  readonly notifications: SentNotification[];
  readonly refunds: Refund[];
  readonly teamRequests: TeamRequest[];
}

/** An in-memory host API that behaves like a real host. */
export interface MockHost {
  /** Answers one request to the host API (paths relative to the API's base). */
  handle(request: Request, basePath?: string): Promise<Response>;
  /**
   * A `fetch` that goes straight to `handle` for an API served at `baseUrl`: for
   * `createHostClient({ baseUrl, fetch: host.fetchAt(baseUrl) })` without msw.
   */
  fetchAt(baseUrl: string): typeof fetch;
  readonly records: MockHostRecords;
  /** The current state, for assertions and for the playground. */
  readonly state: {
    session(id: string): Session | undefined;
    readonly seed: Seed;
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
  setRules(rules: Readonly<Record<string, unknown>>, identity?: { readonly id?: string; readonly version?: string }): void;
  /** The policy the host applies now. */
  readonly policy: Policy;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const errorResponse = (error: HttpError, headers?: Record<string, string>) =>
  json(error.status, { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } }, headers);

interface Route {
  readonly endpoint: EndpointId;
  readonly definition: EndpointDefinition;
  readonly pattern: RegExp;
  readonly names: string[];
}

const ROUTES: Route[] = (Object.entries(ENDPOINTS) as [EndpointId, EndpointDefinition][]).map(([endpoint, definition]) => ({
  endpoint,
  definition,
  names: [...definition.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
  pattern: new RegExp(`^${definition.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
}));

/** `YYYY-MM-DD` of an instant in a zone: a date bound covers that whole day there. */
function localDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** The version an `If-Match` names: one entity tag, `"2"` or `W/"2"`; anything else names none. */
function versionIn(ifMatch: string): string | undefined {
  return /^(?:W\/)?"([^"]*)"$/.exec(ifMatch.trim())?.[1];
}

/**
 * An offer link's token: 128 random bits, base64url. The client has no account, so whoever holds
 * the link may answer: it must not be guessable from another offer's (as `offer-1`, `offer-2` were).
 */
function capabilityToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A path parameter as sent, decoded; malformed percent-encoding (`%E0`) is the caller's mistake. */
function decodedParam(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'invalid-request', `The path parameter ${name} is not valid percent-encoded UTF-8: ${raw}`);
  }
}

/** The route for a request and its decoded path params, if any route matches. */
function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const match = route.definition.method === method ? route.pattern.exec(path) : null;
    if (match) return { route, params: Object.fromEntries(route.names.map((name, i) => [name, decodedParam(name, match[i + 1]!)])) };
  }
  return undefined;
}

interface StoredAnswer {
  readonly fingerprint: string;
  /** When the key is forgotten (epoch ms of the host's clock). */
  readonly expiresAt: number;
  readonly answer: Promise<{ status: number; body: string; headers: [string, string][] }>;
}

/**
 * Creates an in-memory host. It enforces the contract, honours idempotency keys, `If-Match` and
 * slot conflicts, re-decides every write with @raincheck/policy (refusing what the policy does not
 * allow, with its explanation), and records notifications, refunds and team requests.
 */
export function createMockHost(options: MockHostOptions = {}): MockHost {
  const clock = options.now ?? (() => Date.now());
  const idempotencyTtlMs = options.idempotencyTtlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
  let policy = createPolicy(options.rules ?? defaultRuleFiles, options.rules ? {} : DEFAULT_POLICY);
  let seed: Seed;
  let sessions: Map<string, StoredSession>;
  let offers: Map<string, StoredOffer>;
  let idempotency: Map<string, StoredAnswer>;
  let faults: Map<EndpointId, { fault: Fault; left: number }>;
  let sequence = 0;
  const writes = createKeyedLock();
  const records: MockHostRecords = { requests: [], notifications: [], refunds: [], teamRequests: [] };

  function reset(scenario: ScenarioName = options.scenario ?? 'ordinary-cancellation', tweaks: ScenarioTweaks = options.tweaks ?? {}): void {
    seed = structuredClone(seedScenario(scenario, clock(), tweaks));
    sessions = new Map(seed.sessions.map((s) => [s.id, s]));
    offers = new Map(seed.offers.map((o) => [o.token, o]));
    idempotency = new Map();
    faults = new Map();
    sequence = 0;
    for (const list of Object.values(records)) (list as unknown[]).length = 0;
  }
  reset();

  const now = () => londonIso(clock());
  const nextId = (prefix: string) => `${prefix}-${++sequence}`;
  const clientOf = (clientId: string): MockClient => {
    const client = seed.clients.find((c) => c.id === clientId);
    if (!client) throw new HttpError(404, 'not-found', `No client "${clientId}".`);
    return client;
  };
  const therapistOf = (id: string) => {
    const therapist = seed.therapists.find((t) => t.id === id);
    if (!therapist) throw new HttpError(404, 'not-found', `No therapist "${id}".`);
    return therapist;
  };
  const openSlots = (therapistId: string) => (seed.slots[therapistId] ??= []);
  const historyOf = (therapistId: string) => (seed.history[therapistId] ??= []);

  function sessionOf(id: string): StoredSession {
    const session = sessions.get(id);
    if (!session) throw new HttpError(404, 'not-found', `No session "${id}".`);
    return session;
  }

  function view(session: StoredSession): Session {
    const { clientId, ...rest } = session;
    const client = clientOf(clientId);
    return { ...rest, client: { id: client.id, displayName: client.displayName, ...(client.timeZone ? { timeZone: client.timeZone } : {}) } };
  }

  function bump(session: StoredSession, changes: Partial<StoredSession>): StoredSession {
    const next = { ...session, ...changes, version: String(Number(session.version) + 1) };
    sessions.set(session.id, next);
    return next;
  }

  /** The host's own decision: the browser's is never trusted. */
  async function decide(action: Facts['action'], session: StoredSession | undefined, request: Facts['request'], therapistId: string): Promise<Decision> {
    const { hiddenUntil: _hidden, ...therapistFacts } = therapistOf(therapistId);
    const client = session ? clientOf(session.clientId) : undefined;
    const clientFacts = client && { id: client.id, isNew: client.isNew, attendedSessions: client.attendedSessions };
    return policy.evaluate({
      action,
      now: now(),
      ...(session
        ? { session: { id: session.id, startsAt: session.startsAt, endsAt: session.endsAt, timeZone: session.timeZone, status: session.status, price: session.price, version: session.version } }
        : {}),
      ...(clientFacts ? { client: clientFacts } : {}),
      therapist: therapistFacts,
      history: historyOf(therapistId),
      request: request ?? {},
    });
  }

  /** Refuses a write the policy does not allow as self-serve, with the policy's own sentences. */
  function requireAllowed(decision: Decision, note: string | undefined): void {
    if (decision.outcome !== 'allowed') {
      const reasons = decision.outcome === 'blocked' ? decision.blocks : decision.team;
      throw new HttpError(422, 'policy-refused', reasons.map((r) => r.message).join(' '), {
        outcome: decision.outcome,
        reasons: reasons.map((r) => ({ code: r.reason, message: r.message, ruleIds: r.ruleIds })),
        policy: decision.policy,
      });
    }
    requireReason(decision, note);
  }

  function requireReason(decision: Decision, note: string | undefined): void {
    const required = decision.requirements.find((r) => r.kind === 'written-reason');
    if (required && (note ?? '').trim().length < required.minLength) {
      throw new HttpError(422, 'reason-required', `${required.message} (at least ${required.minLength} characters).`, {
        minLength: required.minLength,
        ruleIds: required.ruleIds,
      });
    }
  }

  function notify(decision: Decision, sessionId: string, kind: SentNotification['kind']): void {
    if (decision.notify) records.notifications.push({ clientId: sessionOf(sessionId).clientId, sessionId, kind, channels: decision.notify.channels, at: now() });
  }

  function teamRequest(kind: TeamRequestKind, therapistId: string, reason: string, sessionId?: string): TeamRequest {
    const request: TeamRequest = { id: nextId('team'), kind, therapistId, ...(sessionId ? { sessionId } : {}), reason, status: 'open', createdAt: now() };
    records.teamRequests.push(request);
    return request;
  }

  /** Issues the refund the decision allows, once per session. */
  function refund(decision: Decision, session: StoredSession, note: string | undefined): { refund: Refund; teamRequest: TeamRequest | null } {
    if (!decision.refund) throw new HttpError(422, 'policy-refused', 'The policy offers no refund here.', { outcome: decision.outcome });
    if (records.refunds.some((r) => r.sessionId === session.id)) {
      throw new HttpError(409, 'already-refunded', 'This session has already been refunded.');
    }
    const review = decision.refund.mode === 'team-review';
    const issued: Refund = {
      id: nextId('refund'),
      sessionId: session.id,
      amount: { amount: decision.refund.amount, currency: decision.refund.currency },
      status: review ? 'pending-review' : 'issued',
    };
    records.refunds.push(issued);
    const team = review ? teamRequest('new-client-refund', session.therapistId, note?.trim() || decision.refund.message, session.id) : null;
    return { refund: issued, teamRequest: team };
  }

  function takeSlot(therapistId: string, slotId: string) {
    const slots = openSlots(therapistId);
    const index = slots.findIndex((s) => s.id === slotId);
    if (index < 0) throw new HttpError(409, 'slot-taken', 'That time is no longer free. Choose another one.', { slotId });
    return slots.splice(index, 1)[0]!;
  }

  /** An endpoint's behaviour: the success body, or an HttpError thrown. */
  type Handler = (input: { params: Record<string, string>; query: Record<string, string>; body: Record<string, unknown>; ifMatch: string | null }) => unknown;

  const handlers: Record<EndpointId, Handler> = {
    getSession: ({ params }) => ({ session: view(sessionOf(params.sessionId!)) }),
    listSlots: ({ params, query }) => {
      therapistOf(params.therapistId!);
      const from = Date.parse(query.from!);
      const to = Date.parse(query.to!);
      return { slots: openSlots(params.therapistId!).filter((s) => Date.parse(s.startsAt) >= from && Date.parse(s.startsAt) < to) };
    },
    getPolicyFacts: ({ params }) => {
      const session = sessionOf(params.sessionId!);
      const { displayName: _n, timeZone: _z, ...client } = clientOf(session.clientId);
      const { hiddenUntil: _h, ...therapist } = therapistOf(session.therapistId);
      return { client, therapist, history: historyOf(session.therapistId) };
    },
    getRules: () => ({ id: policy.id, version: policy.version, files: Object.fromEntries(policy.files.map((f) => [`${f.id}.json`, f])), hash: policy.hash }),
    cancelSession: async ({ params, body }) => {
      const session = sessionOf(params.sessionId!);
      const { reason, note, alternativeSlotIds, refundOffered } = body as { reason: 'illness'; note?: string; alternativeSlotIds: string[]; refundOffered: boolean };
      const decision = await decide('cancel', session, { reason, ...(note === undefined ? {} : { note }) }, session.therapistId);
      requireAllowed(decision, note);
      const min = decision.alternatives?.minSlots ?? 0;
      if (alternativeSlotIds.length < min) throw new HttpError(422, 'policy-refused', `${decision.alternatives?.message ?? ''} Offer at least ${min}.`.trim(), { minSlots: min });
      if (refundOffered && !decision.refund) throw new HttpError(422, 'policy-refused', 'The policy offers no refund for this cancellation.');
      const open = openSlots(session.therapistId);
      const alternatives = alternativeSlotIds.map((id) => {
        const slot = open.find((s) => s.id === id);
        if (!slot) throw new HttpError(409, 'slot-taken', 'One of the chosen times is no longer free. Choose again.', { slotId: id });
        return slot;
      });
      const cancelled = bump(session, { status: 'cancelled' });
      historyOf(session.therapistId).push({ sessionId: session.id, at: now(), kind: 'cancel' });
      notify(decision, session.id, 'session-cancelled');
      const token = capabilityToken();
      const expiresAt = londonIso(clock() + (decision.alternatives?.withinDays ?? 7) * 86_400_000);
      offers.set(token, {
        token,
        sessionId: session.id,
        alternatives,
        refund: refundOffered && decision.refund ? { amount: { amount: decision.refund.amount, currency: decision.refund.currency }, needsTeamReview: decision.refund.mode === 'team-review' } : null,
        expiresAt,
        answered: false,
      });
      return { session: view(cancelled), offer: { token, expiresAt }, teamRequest: null };
    },
    rescheduleSession: async ({ params, body }) => {
      const session = sessionOf(params.sessionId!);
      const { slotId, reason, note } = body as { slotId: string; reason?: 'illness'; note?: string };
      const decision = await decide('reschedule', session, { ...(reason ? { reason } : {}), ...(note === undefined ? {} : { note }) }, session.therapistId);
      requireAllowed(decision, note);
      const slot = takeSlot(session.therapistId, slotId);
      openSlots(session.therapistId).push({ id: `${session.id}-freed-${session.version}`, startsAt: session.startsAt, endsAt: session.endsAt });
      const moved = bump(session, { startsAt: slot.startsAt, endsAt: slot.endsAt });
      historyOf(session.therapistId).push({ sessionId: session.id, at: now(), kind: 'reschedule' });
      notify(decision, session.id, 'session-rearranged');
      return { session: view(moved) };
    },
    refundSession: async ({ params, body }) => {
      const session = sessionOf(params.sessionId!);
      const { note } = body as { note?: string };
      const decision = await decide('refund', session, note === undefined ? {} : { note }, session.therapistId);
      if (decision.outcome === 'blocked') requireAllowed(decision, note);
      requireReason(decision, note);
      const result = refund(decision, session, note);
      notify(decision, session.id, 'refund');
      return result;
    },
    updateAttendance: async ({ params, body }) => {
      const session = sessionOf(params.sessionId!);
      const { outcome, refund: wantsRefund, note } = body as { outcome: 'attended'; refund: boolean; note?: string };
      if (Date.parse(session.startsAt) > clock()) throw new HttpError(422, 'not-yet-held', 'Attendance can be updated once the session has started.');
      if (session.status === 'completed') throw new HttpError(409, 'attendance-recorded', 'The attendance of this session has already been recorded.');
      if (session.status === 'cancelled') throw new HttpError(422, 'session-cancelled', 'This session was cancelled, so there is no attendance to record.');
      const decision = await decide('attendance-update', session, { attendanceOutcome: outcome, ...(wantsRefund ? { clientPreference: 'refund' as const } : {}), ...(note === undefined ? {} : { note }) }, session.therapistId);
      if (decision.outcome === 'blocked') requireAllowed(decision, note);
      let result: { refund: Refund | null; teamRequest: TeamRequest | null } = { refund: null, teamRequest: null };
      if (wantsRefund) {
        requireReason(decision, note);
        result = refund(decision, session, note);
      }
      const updated = bump(session, { status: 'completed' });
      return { session: view(updated), ...result };
    },
    createTeamRequest: ({ body }) => {
      const { kind, therapistId, sessionId, reason } = body as { kind: TeamRequestKind; therapistId: string; sessionId?: string; reason: string };
      therapistOf(therapistId);
      if (sessionId) sessionOf(sessionId);
      return { teamRequest: teamRequest(kind, therapistId, reason, sessionId) };
    },
    getOffer: ({ params }) => ({ offer: offerView(params.token!) }),
    answerOffer: async ({ params, body }) => {
      const offer = offerView(params.token!);
      const stored = offers.get(params.token!)!;
      if (offer.status === 'expired') throw new HttpError(410, 'offer-expired', 'This offer has expired. Please contact your therapist.');
      if (offer.status === 'answered') throw new HttpError(409, 'offer-answered', 'This offer has already been answered.', { answer: offer.answer });
      const { choice, slotId } = body as { choice: 'alternative' | 'refund'; slotId?: string };
      const session = sessionOf(stored.sessionId);
      let issued: Refund | null = null;
      if (choice === 'alternative') {
        if (!slotId || !offer.alternatives.some((s) => s.id === slotId)) throw new HttpError(422, 'not-offered', 'Choose one of the offered times.');
        // A session refunded meanwhile (through the therapist's refund) is not booked again for free.
        if (records.refunds.some((r) => r.sessionId === session.id)) throw new HttpError(409, 'already-refunded', 'This session has already been refunded, so it cannot be booked again. Please contact your therapist.');
        const slot = takeSlot(session.therapistId, slotId);
        bump(session, { status: 'scheduled', startsAt: slot.startsAt, endsAt: slot.endsAt });
      } else {
        if (!offer.refund) throw new HttpError(422, 'not-offered', 'A refund was not offered.');
        const decision = await decide('client-response', session, { clientPreference: 'refund' }, session.therapistId);
        issued = refund(decision, session, undefined).refund;
      }
      stored.answered = true;
      stored.answer = { choice, ...(slotId ? { slotId } : {}), at: now() };
      return { offer: offerView(params.token!), refund: issued };
    },
    getTherapist: ({ params }) => ({ therapist: therapistOf(params.therapistId!), history: historyOf(params.therapistId!) }),
    listSessions: ({ params, query }) => {
      const therapist = therapistOf(params.therapistId!);
      const zone = therapist.timeZone ?? 'UTC';
      const inRange = (session: StoredSession) => {
        const start = Date.parse(session.startsAt);
        const day = localDate(start, zone);
        const after = (bound: string) => (bound.length === 10 ? day >= bound : start >= Date.parse(bound));
        const before = (bound: string) => (bound.length === 10 ? day <= bound : start < Date.parse(bound));
        return after(query.from!) && before(query.to!);
      };
      const found = [...sessions.values()].filter((s) => s.therapistId === therapist.id && s.status === 'scheduled' && inRange(s));
      return { sessions: found.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)).map(view) };
    },
    setVisibility: ({ params, body }) => {
      const therapist = therapistOf(params.therapistId!);
      const { visible, hiddenUntil } = body as { visible: boolean; hiddenUntil?: string };
      therapist.profileVisible = visible;
      if (visible || hiddenUntil === undefined) delete therapist.hiddenUntil;
      else therapist.hiddenUntil = hiddenUntil;
      return { therapist };
    },
    reportAbsence: ({ params, body }) => {
      const therapist = therapistOf(params.therapistId!);
      const { from, until, certainty, note, informTeam } = body as { from: string; until?: string; certainty: 'sure'; note?: string; informTeam: boolean };
      const absence = { id: nextId('absence'), therapistId: therapist.id, from, ...(until ? { until } : {}), certainty, ...(note === undefined ? {} : { note }) };
      const team = informTeam ? teamRequest('extended-absence', therapist.id, note?.trim() || `Away from ${from}${until ? ` until ${until}` : ', return date not known yet'}.`) : null;
      return { absence, teamRequest: team };
    },
  };

  /** The session a write to these path params names, itself or through its offer. */
  function sessionOfWrite(params: Record<string, string>): string | undefined {
    return params.sessionId ?? (params.token === undefined ? undefined : offers.get(params.token)?.sessionId);
  }

  /** The therapist whose resources a write to these path params changes, if they exist. */
  function therapistOfWrite(params: Record<string, string>): string | undefined {
    const sessionId = sessionOfWrite(params);
    return params.therapistId ?? (sessionId === undefined ? undefined : sessions.get(sessionId)?.therapistId);
  }

  /**
   * The resources a write to these path params checks, decides on and changes: the offer and the
   * session it names, and their therapist, whose open slots and history (which the policy counts)
   * every session write reads or changes.
   */
  function resourcesOf(params: Record<string, string>): string[] {
    const sessionId = sessionOfWrite(params);
    const therapistId = therapistOfWrite(params);
    return [
      ...(params.token === undefined ? [] : [`offer:${params.token}`]),
      ...(sessionId === undefined ? [] : [`session:${sessionId}`]),
      ...(therapistId === undefined ? [] : [`therapist:${therapistId}`]),
    ];
  }

  /**
   * What a write to one therapist's resources may change, saved so that a write failing half-way
   * (an error after its first change) leaves nothing applied: the therapist, their sessions,
   * offers, open slots and history, and the records of theirs. Only what the write holds locks for
   * is put back, so a concurrent write to another therapist keeps its effects.
   * @returns the rollback.
   */
  function savepoint(therapistId: string | undefined): () => void {
    const index = seed.therapists.findIndex((t) => t.id === therapistId);
    if (therapistId === undefined || index < 0) return () => undefined;
    const theirs = (sessionId: string | undefined) => sessionId !== undefined && sessions.get(sessionId)?.therapistId === therapistId;
    const therapist = { ...seed.therapists[index]! };
    const savedSessions = [...sessions.values()].filter((session) => session.therapistId === therapistId);
    const savedOffers = [...offers.values()].filter((offer) => theirs(offer.sessionId)).map((offer) => ({ ...offer }));
    const slots = [...openSlots(therapistId)];
    const history = [...historyOf(therapistId)];
    // The records a write may add to (never the request log, which grows with every call).
    const lists = [records.notifications, records.refunds, records.teamRequests] as { readonly therapistId?: string; readonly sessionId?: string }[][];
    const existing = new Set<unknown>(lists.flat());
    return () => {
      const mine = (item: { readonly therapistId?: string; readonly sessionId?: string }) => item.therapistId === therapistId || theirs(item.sessionId);
      for (const list of lists) {
        for (let i = list.length - 1; i >= 0; i--) if (!existing.has(list[i]) && mine(list[i]!)) list.splice(i, 1);
      }
      for (const [token, offer] of offers) if (theirs(offer.sessionId)) offers.delete(token);
      for (const [id, session] of sessions) if (session.therapistId === therapistId) sessions.delete(id);
      for (const session of savedSessions) sessions.set(session.id, session);
      for (const offer of savedOffers) offers.set(offer.token, offer);
      seed.therapists[index] = therapist;
      seed.slots[therapistId] = slots;
      seed.history[therapistId] = history;
    };
  }

  function offerView(token: string) {
    const stored = offers.get(token);
    if (!stored) throw new HttpError(404, 'not-found', 'This link is not valid. Please check the link in your message.');
    const { sessionId, answered, ...rest } = stored;
    const status = answered ? 'answered' : Date.parse(stored.expiresAt) <= clock() ? 'expired' : 'open';
    return { ...rest, session: view(sessionOf(sessionId)), status } as const;
  }

  async function applyFault(endpoint: EndpointId, signal: AbortSignal): Promise<Response | undefined> {
    const entry = faults.get(endpoint);
    if (!entry) return undefined;
    if (--entry.left <= 0) faults.delete(endpoint);
    const { fault } = entry;
    if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.timeout) {
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
    }
    if (fault.status) {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      return errorResponse(new HttpError(fault.status, `injected-${fault.status}`, `Injected failure (${fault.status}).`), headers);
    }
    if (fault.malformed) return json(200, { session: { id: 42 }, unexpected: true });
    if (fault.conflict) return errorResponse(new HttpError(409, 'slot-taken', 'That time was just taken. Choose another one.'));
    return undefined;
  }

  async function answer(route: Route, params: Record<string, string>, request: Request, rawBody: unknown): Promise<Response> {
    const { definition } = route;
    const url = new URL(request.url);
    const query = Object.fromEntries(url.searchParams);
    if (definition.query) {
      const parsed = definition.query.safeParse(query, { reportInput: true });
      if (!parsed.success) throw new HttpError(400, 'invalid-request', 'The query does not fit the contract.', toValidationIssues('query', parsed.error.issues));
    }
    let body: Record<string, unknown> = {};
    if (definition.body) {
      const parsed = definition.body.safeParse(rawBody, { reportInput: true });
      if (!parsed.success) throw new HttpError(400, 'invalid-request', 'The body does not fit the contract.', toValidationIssues('body', parsed.error.issues));
      body = parsed.data as Record<string, unknown>;
    }
    const ifMatch = request.headers.get('if-match');
    const respond = async () => {
      if (definition.ifMatch) {
        const session = sessionOf(params.sessionId!);
        if (!ifMatch) throw new HttpError(428, 'version-required', 'Send the session’s version as If-Match.');
        if (versionIn(ifMatch) !== session.version) {
          throw new HttpError(412, 'version-mismatch', 'Someone else changed this session. Reload it and try again.', { currentVersion: session.version });
        }
      }
      const result = await handlers[route.endpoint]({ params, query, body, ifMatch });
      const session = (result as { session?: Session }).session;
      return json(200, result, session ? { etag: `"${session.version}"` } : {});
    };
    // A write's If-Match check, its policy decision and its effect are one step: a second writer
    // of the same resources waits, then sees the first one's result (412, 409 …).
    if (definition.method === 'GET') return respond();
    return writes.run(
      () => resourcesOf(params),
      async () => {
        const rollback = savepoint(therapistOfWrite(params));
        try {
          return await respond();
        } catch (error) {
          rollback();
          throw error;
        }
      },
    );
  }

  async function handle(request: Request, basePath = ''): Promise<Response> {
    const path = new URL(request.url).pathname.slice(basePath.replace(/\/+$/, '').length) || '/';
    // Matched inside the try below: a path parameter that cannot be decoded is answered like any other mistake.
    let matched: ReturnType<typeof matchRoute>;
    const idempotencyKey = request.headers.get('idempotency-key');
    const text = request.method === 'GET' ? '' : await request.text();
    let rawBody: unknown;
    let replayed = false;
    const record = (status: number) =>
      records.requests.push({ endpoint: matched?.route.endpoint ?? null, method: request.method, url: request.url, idempotencyKey, ifMatch: request.headers.get('if-match'), body: rawBody, status, replayed });
    try {
      matched = matchRoute(request.method, path);
      if (!matched) throw new HttpError(404, 'not-found', `No ${request.method} ${path} in the host API.`);
      const { route, params } = matched;
      try {
        rawBody = text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        throw new HttpError(400, 'invalid-json', 'The body is not JSON.');
      }
      const injected = await applyFault(route.endpoint, request.signal);
      if (injected) {
        record(injected.status);
        return injected;
      }
      if (!route.definition.idempotent) {
        const response = await answer(route, params, request, rawBody);
        record(response.status);
        return response;
      }
      if (!idempotencyKey) throw new HttpError(400, 'idempotency-key-required', 'This write needs an Idempotency-Key header.');
      // One key, one effect: a repeat waits for the first answer and gets the same one back.
      const slot = `${route.endpoint}:${idempotencyKey}`;
      // A stable fingerprint of the request, to recognise a repeated idempotency key's body.
      const print = fingerprintOf(params, rawBody);
      const remembered = idempotency.get(slot);
      // An expired key is forgotten: the request is a new one (keys are not kept forever).
      const at = clock();
      const stored = remembered && remembered.expiresAt > at ? remembered : undefined;
      if (remembered && !stored) idempotency.delete(slot);
      if (stored && stored.fingerprint !== print) {
        throw new HttpError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used with a different request.');
      }
      replayed = stored !== undefined;
      const first =
        stored?.answer ??
        answer(route, params, request, rawBody)
          .catch((error: unknown) => {
            if (error instanceof HttpError) return errorResponse(error);
            throw error;
          })
          .then(async (response) => ({ status: response.status, body: await response.text(), headers: [...response.headers] }));
      if (!stored) idempotency.set(slot, { fingerprint: print, answer: first, expiresAt: at + idempotencyTtlMs });
      // A server failure or a crash is not a final answer: the same key may try again. Only this
      // attempt's record is dropped, never a newer attempt's that a later repeat already started.
      const forget = () => {
        if (idempotency.get(slot)?.answer === first) idempotency.delete(slot);
      };
      const { status, body, headers } = await first.catch((error: unknown) => {
        forget();
        throw error;
      });
      if (status >= 500) forget();
      record(status);
      return new Response(body, { status, headers });
    } catch (error) {
      // A real host answers a fault of its own with a 500, never a dropped connection.
      const failure = error instanceof HttpError ? error : new HttpError(500, 'internal-error', `The host failed: ${error instanceof Error ? error.message : String(error)}`);
      record(failure.status);
      return errorResponse(failure);
    }
  }

  return {
    handle,
    fetchAt: (baseUrl) => {
      const basePath = new URL(baseUrl, 'http://localhost').pathname;
      return (input, init) => handle(input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), 'http://localhost'), init), basePath);
    },
    records,
    state: {
      session: (id) => {
        const session = sessions.get(id);
        return session && view(session);
      },
      get seed() {
        return seed;
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
    },
    get policy() {
      return policy;
    },
  };
}

/**
 * A stable fingerprint of a write, to recognise a repeated idempotency key's body. JSON that the
 * canonical form refuses (nested past its depth limit) is the caller's mistake: a 400, not a crash.
 */
function fingerprintOf(params: Readonly<Record<string, string>>, body: unknown): string {
  try {
    return canonicalJson({ params, body });
  } catch (error) {
    throw new HttpError(400, 'invalid-request', `The body cannot be read as a request: ${error instanceof Error ? error.message : String(error)}`);
  }
}
