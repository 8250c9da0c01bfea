import { ENDPOINTS, type EndpointId, type Role } from '@raincheck/host-api';
import type { CheckContext } from './check.js';
import type { Call } from './probe.js';
import type { Practice } from './setup.js';
import { cancelBody, expectStatus, newKey, NOTE, openSlots, readSession } from './steps.js';

// A valid request to every endpoint the contract gives a bearer role, about one practice's data,
// built from the contract's table (ENDPOINTS: method, path, query, access): the identity checks
// send these as callers who may not make them, so an endpoint added to the contract is covered
// without a check of its own.

const DAY_MS = 86_400_000;

/** The practice's ids and versions a request names. */
export interface CallTargets {
  readonly sessionId: string;
  readonly therapistId: string;
  readonly sessionVersion: string;
  /** A team request of the practice, when there is one. */
  readonly requestId?: string;
  /** A valid cancel body, as the widget sends it. */
  readonly cancelBody: Record<string, unknown>;
  /** The decision the widget showed (what write bodies carry). */
  readonly shown: Record<string, unknown>;
  readonly slotId?: string;
  readonly rules: { readonly id: string; readonly files: Record<string, unknown> };
  /** Now on the host's clock. */
  readonly now: number;
}

/** An endpoint of the contract that takes a bearer token, with the roles that may call it. */
export interface BearerEndpoint {
  readonly id: EndpointId;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly roles: readonly Role[];
}

/** Every bearer endpoint of the contract, reads first. */
export const BEARER_ENDPOINTS: readonly BearerEndpoint[] = Object.entries(ENDPOINTS)
  .flatMap(([id, definition]) =>
    definition.access.kind === 'bearer'
      ? [{ id: id as EndpointId, method: definition.method, path: definition.path, roles: definition.access.roles }]
      : [],
  )
  .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));

/** A write's body by endpoint: valid for the contract, about the practice's data. */
const BODIES: Partial<Record<EndpointId, (t: CallTargets) => Record<string, unknown>>> = {
  publishRules: (t) => ({ id: t.rules.id, version: `conformance-${crypto.randomUUID()}`, files: t.rules.files }),
  cancelSession: (t) => t.cancelBody,
  rescheduleSession: (t) => ({
    slotId: t.slotId ?? 'conformance-no-slot',
    reason: 'illness',
    note: NOTE,
    decision: t.shown,
  }),
  refundSession: (t) => ({ note: NOTE, decision: t.shown }),
  updateAttendance: (t) => ({ outcome: 'therapist-unable', refund: true, note: NOTE, decision: t.shown }),
  createTeamRequest: (t) => ({
    kind: 'other',
    therapistId: t.therapistId,
    sessionId: t.sessionId,
    reason: `Conformance: a request for someone else's session ${crypto.randomUUID()}`,
  }),
  setVisibility: (t) => ({ visible: false, hiddenUntil: new Date(t.now + 7 * DAY_MS).toISOString().slice(0, 10) }),
  reportAbsence: (t) => ({
    from: new Date(t.now + DAY_MS).toISOString().slice(0, 10),
    until: new Date(t.now + 2 * DAY_MS).toISOString().slice(0, 10),
    certainty: 'sure',
    informTeam: true,
  }),
  resolveTeamRequest: () => ({ action: 'acknowledge', note: NOTE }),
};

interface Parsing {
  safeParse(value: unknown): { success: boolean };
}

/** The query a read needs (a date range as instants or as days), the first its schema takes. */
function queryFor(endpoint: EndpointId, t: CallTargets): string {
  const schema = (ENDPOINTS[endpoint] as { query?: Parsing }).query;
  if (!schema) return '';
  const from = new Date(t.now);
  const to = new Date(t.now + 14 * DAY_MS);
  const candidates: Record<string, string>[] = [
    { from: from.toISOString(), to: to.toISOString() },
    { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) },
    {},
  ];
  const query = candidates.find((c) => schema.safeParse(c).success) ?? {};
  const text = new URLSearchParams(query).toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * The request a caller holding `token` would send to `endpoint` about the practice's data; undefined
 * when the practice has nothing the path names (no team request yet).
 */
export function callFor(endpoint: BearerEndpoint, t: CallTargets, token: string | undefined): Call | undefined {
  const params: Readonly<Record<string, string | undefined>> = {
    sessionId: t.sessionId,
    therapistId: t.therapistId,
    requestId: t.requestId,
  };
  let missing = false;
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  if (missing) return undefined;
  const definition = ENDPOINTS[endpoint.id] as { idempotent?: true; ifMatch?: true };
  return {
    method: endpoint.method,
    path: `${path}${queryFor(endpoint.id, t)}`,
    ...(token ? { token } : {}),
    ...(endpoint.method === 'GET' ? {} : { body: BODIES[endpoint.id]?.(t) ?? {} }),
    ...(definition.idempotent ? { idempotencyKey: newKey() } : {}),
    ...(definition.ifMatch ? { ifMatch: t.sessionVersion } : {}),
  };
}

/** Whether a call names the practice's data: a path parameter, or a therapist or session in its body. */
export function namesPractice(endpoint: BearerEndpoint, call: Call): boolean {
  const body = call.body as { therapistId?: unknown; sessionId?: unknown } | undefined;
  return /\{\w+\}/.test(endpoint.path) || body?.therapistId !== undefined || body?.sessionId !== undefined;
}

/**
 * Reads what requests about the practice name. `createRequest`: a fresh practice gets a team
 * request of its own (a write); otherwise the team's queue gives one if it has any.
 */
export async function practiceTargets(
  context: CheckContext,
  practice: Practice,
  options: { readonly createRequest: boolean },
): Promise<CallTargets> {
  const sessionId = practice.sessionIds[0]!;
  const session = await readSession(context, practice, sessionId);
  const { body } = await cancelBody(context, practice, sessionId);
  const slots = await openSlots(context, practice);
  const rules = await context.probe.send({
    method: 'GET',
    path: '/policy/rules',
    token: await practice.token('therapist'),
  });
  expectStatus(rules, 200, 'anyone of the practice reads its rules');
  let requestId: string | undefined;
  if (options.createRequest) {
    const made = await context.probe.send({
      method: 'POST',
      path: '/team-requests',
      token: await practice.token('therapist'),
      body: { kind: 'other', therapistId: practice.therapistId, reason: 'Conformance: a request of the practice' },
      idempotencyKey: newKey(),
    });
    expectStatus(made, 200, 'the therapist raises a team request');
    requestId = (made.json as { teamRequest?: { id?: string } }).teamRequest?.id;
  } else {
    const queue = await context.probe.send({
      method: 'GET',
      path: '/team-requests',
      token: await practice.token('team'),
    });
    expectStatus(queue, 200, 'the team lists its requests');
    requestId = (queue.json as { teamRequests?: { id?: string }[] }).teamRequests?.[0]?.id;
  }
  const { id, files } = rules.json as { id: string; files: Record<string, unknown> };
  return {
    sessionId,
    therapistId: practice.therapistId,
    sessionVersion: session.version,
    ...(requestId ? { requestId } : {}),
    cancelBody: body,
    shown: body.decision as Record<string, unknown>,
    ...(slots[0] ? { slotId: slots[0].id } : {}),
    rules: { id, files },
    now: context.now(),
  };
}

/**
 * What the practice's own people read of its data (session, therapist, team request), to compare
 * before and after refused writes.
 */
export async function practiceSnapshot(context: CheckContext, practice: Practice, t: CallTargets): Promise<string> {
  const reads = [
    { path: `/sessions/${encodeURIComponent(t.sessionId)}`, token: await practice.token('therapist') },
    { path: `/therapists/${encodeURIComponent(t.therapistId)}`, token: await practice.token('therapist') },
    { path: '/team-requests', token: await practice.token('team') },
    { path: '/policy/rules', token: await practice.token('therapist') },
  ];
  const texts: string[] = [];
  for (const read of reads) {
    const answer = await context.probe.send({ method: 'GET', ...read });
    expectStatus(answer, 200, "the practice's own people read its data");
    texts.push(`${read.path}: ${answer.text}`);
  }
  return texts.join('\n');
}
