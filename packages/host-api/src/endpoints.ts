import type * as z from 'zod/mini';
import {
  absenceRequestSchema,
  absenceResponseSchema,
  attendanceRequestSchema,
  attendanceResponseSchema,
  cancelRequestSchema,
  cancelResponseSchema,
  offerAnswerResponseSchema,
  offerAnswerSchema,
  offerResponseSchema,
  policyFactsResponseSchema,
  refundRequestSchema,
  refundResponseSchema,
  rescheduleRequestSchema,
  rulesResponseSchema,
  sessionResponseSchema,
  sessionsQuerySchema,
  sessionsResponseSchema,
  slotsQuerySchema,
  slotsResponseSchema,
  teamRequestRequestSchema,
  teamRequestResponseSchema,
  therapistResponseSchema,
  therapistStandingResponseSchema,
  visibilityRequestSchema,
} from './schemas.js';

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
  /** The error statuses the host may answer, besides 400, 5xx and network failures. */
  readonly errors: readonly number[];
}

/** The host API, one entry per endpoint. The client, the mock host and the OpenAPI document all come from it. */
export const ENDPOINTS = {
  getSession: {
    method: 'GET',
    path: '/sessions/{sessionId}',
    summary: 'Read a session',
    response: sessionResponseSchema,
    errors: [404],
  },
  listSlots: {
    method: 'GET',
    path: '/therapists/{therapistId}/slots',
    summary: "Read the therapist's open slots in a date range",
    query: slotsQuerySchema,
    response: slotsResponseSchema,
    errors: [404],
  },
  getPolicyFacts: {
    method: 'GET',
    path: '/sessions/{sessionId}/policy-facts',
    summary: "Read what the policy needs about a session: the client, the therapist and the therapist's changes",
    response: policyFactsResponseSchema,
    errors: [404],
  },
  getRules: {
    method: 'GET',
    path: '/policy/rules',
    summary: 'Read the rule files the host applies',
    response: rulesResponseSchema,
    errors: [],
  },
  cancelSession: {
    method: 'POST',
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
    path: '/team-requests',
    summary: "Raise a request for the platform team (a started session, a new client's refund, an extended absence)",
    body: teamRequestRequestSchema,
    response: teamRequestResponseSchema,
    idempotent: true,
    errors: [404, 422],
  },
  getOffer: {
    method: 'GET',
    path: '/offers/{token}',
    summary: "Read the offer a client received after a cancellation, by its token",
    response: offerResponseSchema,
    errors: [404],
  },
  answerOffer: {
    method: 'POST',
    path: '/offers/{token}/answer',
    summary: 'Answer an offer: take one of the slots, or the refund',
    body: offerAnswerSchema,
    response: offerAnswerResponseSchema,
    idempotent: true,
    errors: [404, 409, 410, 422],
  },
  getTherapist: {
    method: 'GET',
    path: '/therapists/{therapistId}',
    summary: "Read a therapist's profile visibility and recent cancellations and rearrangements (the policy's therapist-level facts)",
    response: therapistStandingResponseSchema,
    errors: [404],
  },
  listSessions: {
    method: 'GET',
    path: '/therapists/{therapistId}/sessions',
    summary: "Read the therapist's scheduled sessions that start in a date range (dates are whole days in the therapist's zone)",
    query: sessionsQuerySchema,
    response: sessionsResponseSchema,
    errors: [404],
  },
  setVisibility: {
    method: 'PUT',
    path: '/therapists/{therapistId}/visibility',
    summary: "Hide the therapist's profile (until a date) or show it",
    body: visibilityRequestSchema,
    response: therapistResponseSchema,
    idempotent: true,
    errors: [404],
  },
  reportAbsence: {
    method: 'POST',
    path: '/therapists/{therapistId}/absences',
    summary: 'Record an absence and, if asked, tell the team',
    body: absenceRequestSchema,
    response: absenceResponseSchema,
    idempotent: true,
    errors: [404, 422],
  },
} as const satisfies Record<string, EndpointDefinition>;

/** The name of an endpoint: `cancelSession`, `getOffer` … */
export type EndpointId = keyof typeof ENDPOINTS;
type Def<E extends EndpointId> = (typeof ENDPOINTS)[E];

type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;

/** What a call to endpoint `E` takes: its path params, query, body, version and idempotency key. */
export type EndpointRequest<E extends EndpointId> = { readonly [K in PathParamNames<Def<E>['path']>]: string } & (Def<E> extends {
  query: infer Q extends z.ZodMiniType;
}
  ? { readonly query: z.input<Q> }
  : unknown) &
  (Def<E> extends { body: infer B extends z.ZodMiniType } ? { readonly body: z.input<B> } : unknown) &
  (Def<E> extends { ifMatch: true } ? { /** The session's `version`, sent as `If-Match`. */ readonly version: string } : unknown) &
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
