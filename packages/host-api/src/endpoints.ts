import type * as z from 'zod/mini';
import {
  absenceRequestSchema,
  absenceResponseSchema,
  attendanceRequestSchema,
  attendanceResponseSchema,
  cancelRequestSchema,
  cancelResponseSchema,
  notificationsResponseSchema,
  offerAnswerResponseSchema,
  offerAnswerSchema,
  offerResponseSchema,
  policyFactsResponseSchema,
  refundRequestSchema,
  refundResponseSchema,
  rescheduleRequestSchema,
  publishRulesRequestSchema,
  rulesResponseSchema,
  sessionResponseSchema,
  sessionsQuerySchema,
  sessionsResponseSchema,
  slotsQuerySchema,
  slotsResponseSchema,
  teamRequestDetailResponseSchema,
  teamRequestRequestSchema,
  teamRequestResponseSchema,
  teamRequestsQuerySchema,
  teamRequestsResponseSchema,
  teamResolutionRequestSchema,
  teamResolutionResponseSchema,
  therapistResponseSchema,
  therapistStandingResponseSchema,
  visibilityRequestSchema,
} from './schemas.js';
import type { Role } from './roles.js';

/** Every role: reads that a therapist, the team and an admin all make. */
const ANYONE = ['therapist', 'team', 'admin'] as const satisfies readonly Role[];
/** Changes to a therapist's own sessions and profile: the therapist, or an admin of the tenant. */
const THERAPIST = ['therapist', 'admin'] as const satisfies readonly Role[];
/** The tenant's setup: admins only. */
const ADMIN = ['admin'] as const satisfies readonly Role[];
/** The platform team's work: the team, or an admin. */
const TEAM = ['team', 'admin'] as const satisfies readonly Role[];

/** One endpoint of the host API. */
export interface EndpointDefinition {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** With `{param}` placeholders. */
  readonly path: string;
  readonly summary: string;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  readonly response: z.ZodMiniType;
  /**
   * Moves money, notifies people or records a request: carries an `Idempotency-Key`, and the host
   * answers a repeated key with the first result, so a retry or a double click has one effect.
   */
  readonly idempotent?: true;
  /** Writes to a session: carries `If-Match` with the session's `version`. */
  readonly ifMatch?: true;
  /**
   * Who may call. `bearer`: a token from the partner's backend whose role is in `roles`; a therapist
   * only for their own sessions, slots, facts and profile, the team and admins within their tenant.
   * Such endpoints also answer 401 (no, bad or expired token) and 403 (a valid token that may not do
   * this). `offer-link`: no account; the offer's capability token in the path is the permission.
   */
  readonly access: { readonly kind: 'bearer'; readonly roles: readonly Role[] } | { readonly kind: 'offer-link' };
  /** The error statuses the host may answer, besides 400, 401, 403, 5xx and network failures. */
  readonly errors: readonly number[];
}

/** The host API, one entry per endpoint. The client, the mock host and the OpenAPI document all come from it. */
export const ENDPOINTS = {
  getSession: {
    method: 'GET',
    access: { kind: 'bearer', roles: ANYONE },
    path: '/sessions/{sessionId}',
    summary: 'Read a session',
    response: sessionResponseSchema,
    errors: [404],
  },
  getSessionNotifications: {
    method: 'GET',
    access: { kind: 'bearer', roles: ANYONE },
    path: '/sessions/{sessionId}/notifications',
    summary: "Read the messages the host sent (or will send) the session's client, with each channel's delivery status",
    response: notificationsResponseSchema,
    errors: [404],
  },
  getOfferNotifications: {
    method: 'GET',
    access: { kind: 'bearer', roles: ANYONE },
    path: '/sessions/{sessionId}/offer/notifications',
    summary:
      "Read the messages about the session's latest offer (the link, its follow-up, the answer's confirmation, its expiry), with delivery status; none when it has no offer",
    response: notificationsResponseSchema,
    errors: [404],
  },
  listSlots: {
    method: 'GET',
    access: { kind: 'bearer', roles: ANYONE },
    path: '/therapists/{therapistId}/slots',
    summary: "Read the therapist's open slots in a date range",
    query: slotsQuerySchema,
    response: slotsResponseSchema,
    errors: [404],
  },
  getPolicyFacts: {
    method: 'GET',
    access: { kind: 'bearer', roles: ANYONE },
    path: '/sessions/{sessionId}/policy-facts',
    summary: "Read what the policy needs about a session: the client, the therapist and the therapist's changes",
    response: policyFactsResponseSchema,
    errors: [404],
  },
  getRules: {
    method: 'GET',
    access: { kind: 'bearer', roles: ANYONE },
    path: '/policy/rules',
    summary:
      "Read the rule files the host applies to the caller's tenant: its last published version, else the host's default",
    response: rulesResponseSchema,
    errors: [],
  },
  publishRules: {
    method: 'PUT',
    access: { kind: 'bearer', roles: ADMIN },
    path: '/policy/rules',
    summary:
      "Publish rule files as the tenant's new policy version (immutable): every decision from then on is made, and recorded, under it",
    body: publishRulesRequestSchema,
    response: rulesResponseSchema,
    idempotent: true,
    errors: [409, 422],
  },
  cancelSession: {
    method: 'POST',
    access: { kind: 'bearer', roles: THERAPIST },
    path: '/sessions/{sessionId}/cancel',
    summary: 'Cancel a session, offering alternatives and, if the policy allows, a refund',
    body: cancelRequestSchema,
    response: cancelResponseSchema,
    idempotent: true,
    ifMatch: true,
    errors: [404, 409, 412, 422, 428],
  },
  rescheduleSession: {
    method: 'POST',
    access: { kind: 'bearer', roles: THERAPIST },
    path: '/sessions/{sessionId}/reschedule',
    summary: 'Rearrange a session to another open slot (Edit Date/Time)',
    body: rescheduleRequestSchema,
    response: sessionResponseSchema,
    idempotent: true,
    ifMatch: true,
    errors: [404, 409, 412, 422, 428],
  },
  refundSession: {
    method: 'POST',
    access: { kind: 'bearer', roles: THERAPIST },
    path: '/sessions/{sessionId}/refund',
    summary: 'Refund a cancelled session, or send the refund to the team for review',
    body: refundRequestSchema,
    response: refundResponseSchema,
    idempotent: true,
    ifMatch: true,
    errors: [404, 409, 412, 422, 428],
  },
  updateAttendance: {
    method: 'POST',
    access: { kind: 'bearer', roles: THERAPIST },
    path: '/sessions/{sessionId}/attendance',
    summary: 'Complete the attendance update, with the refund option',
    body: attendanceRequestSchema,
    response: attendanceResponseSchema,
    idempotent: true,
    ifMatch: true,
    errors: [404, 409, 412, 422, 428],
  },
  createTeamRequest: {
    method: 'POST',
    access: { kind: 'bearer', roles: THERAPIST },
    path: '/team-requests',
    summary: "Raise a request for the platform team (a started session, a new client's refund, an extended absence)",
    body: teamRequestRequestSchema,
    response: teamRequestResponseSchema,
    idempotent: true,
    errors: [404, 422],
  },
  getOffer: {
    method: 'GET',
    access: { kind: 'offer-link' },
    path: '/offers/{token}',
    summary: 'Read the offer a client received after a cancellation, by its token',
    response: offerResponseSchema,
    errors: [404],
  },
  answerOffer: {
    method: 'POST',
    access: { kind: 'offer-link' },
    path: '/offers/{token}/answer',
    summary: 'Answer an offer: take one of the slots, or the refund',
    body: offerAnswerSchema,
    response: offerAnswerResponseSchema,
    idempotent: true,
    errors: [404, 409, 410, 422],
  },
  getTherapist: {
    method: 'GET',
    access: { kind: 'bearer', roles: ANYONE },
    path: '/therapists/{therapistId}',
    summary:
      "Read a therapist's profile visibility and recent cancellations and rearrangements (the policy's therapist-level facts)",
    response: therapistStandingResponseSchema,
    errors: [404],
  },
  listSessions: {
    method: 'GET',
    access: { kind: 'bearer', roles: ANYONE },
    path: '/therapists/{therapistId}/sessions',
    summary:
      "Read the therapist's scheduled sessions that start in a date range (dates are whole days in the therapist's zone)",
    query: sessionsQuerySchema,
    response: sessionsResponseSchema,
    errors: [404],
  },
  setVisibility: {
    method: 'PUT',
    access: { kind: 'bearer', roles: THERAPIST },
    path: '/therapists/{therapistId}/visibility',
    summary: "Hide the therapist's profile (until a date) or show it",
    body: visibilityRequestSchema,
    response: therapistResponseSchema,
    idempotent: true,
    errors: [404],
  },
  reportAbsence: {
    method: 'POST',
    access: { kind: 'bearer', roles: THERAPIST },
    path: '/therapists/{therapistId}/absences',
    summary: 'Record an absence and, if asked, tell the team',
    body: absenceRequestSchema,
    response: absenceResponseSchema,
    idempotent: true,
    errors: [404, 422],
  },
  listTeamRequests: {
    method: 'GET',
    access: { kind: 'bearer', roles: TEAM },
    path: '/team-requests',
    summary: "List the tenant's team requests, newest first, by status and kind",
    query: teamRequestsQuerySchema,
    response: teamRequestsResponseSchema,
    errors: [],
  },
  getTeamRequest: {
    method: 'GET',
    access: { kind: 'bearer', roles: TEAM },
    path: '/team-requests/{requestId}',
    summary:
      'Read one team request with the session, the client, the money and the decision the therapist was shown, with its trace',
    response: teamRequestDetailResponseSchema,
    errors: [404],
  },
  resolveTeamRequest: {
    method: 'POST',
    access: { kind: 'bearer', roles: TEAM },
    path: '/team-requests/{requestId}/resolution',
    summary:
      "Resolve a team request: approve (issuing it, once) or decline a new client's refund, mark a started session rearranged or cancel it, acknowledge an absence",
    body: teamResolutionRequestSchema,
    response: teamResolutionResponseSchema,
    idempotent: true,
    errors: [404, 409, 422],
  },
} as const satisfies Record<string, EndpointDefinition>;

/** The name of an endpoint: `cancelSession`, `getOffer` … */
export type EndpointId = keyof typeof ENDPOINTS;
type Def<E extends EndpointId> = (typeof ENDPOINTS)[E];

type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

/** What a call to endpoint `E` takes: its path params, query, body, version and idempotency key. */
export type EndpointRequest<E extends EndpointId> = {
  readonly [K in PathParamNames<Def<E>['path']>]: string;
} & (Def<E> extends {
  query: infer Q extends z.ZodMiniType;
}
  ? { readonly query: z.input<Q> }
  : unknown) &
  (Def<E> extends { body: infer B extends z.ZodMiniType } ? { readonly body: z.input<B> } : unknown) &
  (Def<E> extends { ifMatch: true }
    ? { /** The session's `version`, sent as `If-Match`. */ readonly version: string }
    : unknown) &
  (Def<E> extends { idempotent: true }
    ? {
        /**
         * One key per user intent: reuse it when the same intent is retried (after a reload too),
         * so the host applies it once. Generated for you when absent, for this call's own retries.
         */
        readonly idempotencyKey?: string;
      }
    : unknown) & { readonly signal?: AbortSignal };

/** What endpoint `E` answers on success. */
export type EndpointResponse<E extends EndpointId> = z.output<Def<E>['response']>;

export { fillPath } from './fill-path.js';
