import * as z from 'zod/mini';
import {
  ACTIONS,
  ATTENDANCE_OUTCOMES,
  CERTAINTIES,
  CLIENT_PREFERENCES,
  clientFactsSchema,
  historyEntrySchema,
  isoDateOrInstant,
  isoInstant,
  moneySchema,
  nonEmptyString,
  REASONS,
  sessionFactsSchema,
  therapistFactsSchema,
  timeZoneSchema,
} from '@raincheck/policy/schemas';
import { TEAM_REQUEST_KINDS, TEAM_REQUEST_KINDS_RAISED_BY_PEOPLE, TEAM_RESOLUTIONS } from './team-resolutions.js';

// The host API's data, as zod schemas. Times are ISO strings with offsets; money is integer minor
// units with a currency. Objects are strict: a field the contract does not name is a contract break.

const id = nonEmptyString();

/** An open slot in the therapist's calendar. */
export const slotSchema = z.strictObject({ id, startsAt: isoInstant, endsAt: isoInstant });

export const REFUND_STATUSES = ['pending', 'issued', 'failed', 'pending-review', 'declined'] as const;

export const refundSchema = z.strictObject({
  id,
  sessionId: id,
  amount: moneySchema,
  /**
   * `pending`: decided, the refund provider is carrying it out; `issued`: the provider took it, money
   * is on its way; `failed`: the provider refused it (the platform team was told);
   * `pending-review`: the platform team confirms it first; `declined`: the team reviewed it and did
   * not issue it.
   */
  status: z.enum(REFUND_STATUSES),
  /** The platform team's note when it approved or declined the refund: why, for the therapist. */
  reviewNote: z.optional(z.string()),
});

/** A session as the host shows it: the policy's session facts, its version, and who it is with. */
export const sessionSchema = z.extend(sessionFactsSchema, {
  /** Concurrency token: sent back as `If-Match` on every write to the session. */
  version: nonEmptyString(),
  therapistId: id,
  client: z.strictObject({ id, displayName: nonEmptyString(), timeZone: z.optional(timeZoneSchema) }),
  /** The session's refund, once there is one: issued, waiting for the team, or declined by it. */
  refund: z.optional(refundSchema),
});

/** What a message to a client is about (the host's templates, one per kind). */
export const MESSAGE_KINDS = [
  'session-cancelled',
  'session-rearranged',
  'session-not-held',
  'refund-issued',
  'refund-declined',
  'offer-reminder',
  'offer-answered',
  'offer-expired',
] as const;

/**
 * Where one message on one channel stands. `scheduled`: due later (a follow-up); `due`: waiting for
 * a worker; `sending`: a worker holds it now; `retrying`: an attempt failed, another is due; `sent`:
 * delivered by its deadline; `late`: delivered after it (the team was told); `failed`: it could not
 * be delivered (the team was told); `obsolete`: no longer needed (the client answered first).
 */
export const DELIVERY_STATUSES = [
  'scheduled',
  'due',
  'sending',
  'retrying',
  'sent',
  'late',
  'failed',
  'obsolete',
] as const;

/** One message the host sent, or will send, a client: on each of its channels, with its delivery status. */
export const notificationSchema = z.strictObject({
  id,
  kind: z.enum(MESSAGE_KINDS),
  /** When the host decided to send it (the write's commit). */
  at: isoInstant,
  /** Not before. */
  dueAt: isoInstant,
  /** Delivered after this (and a minute's grace), it is late. */
  deadlineAt: z.nullable(isoInstant),
  deliveries: z.array(
    z.strictObject({
      /** The message's id on this channel: the provider's idempotency key and the email's Message-ID. */
      id,
      channel: nonEmptyString(),
      status: z.enum(DELIVERY_STATUSES),
      attempts: z.number(),
      /** When it was delivered (`sent`, `late`) or given up (`failed`, `obsolete`). */
      doneAt: z.optional(isoInstant),
      /** Why the last attempt failed, in the provider's words. */
      lastError: z.optional(z.string()),
    }),
  ),
});

/** What the widget showed before the write: the host re-decides and may compare. */
export const decisionShownSchema = z.strictObject({
  policyId: nonEmptyString(),
  policyVersion: nonEmptyString(),
  policyHash: nonEmptyString(),
  outcome: z.enum(['allowed', 'needs-team', 'blocked']),
});

export const TEAM_REQUEST_STATUSES = ['open', 'resolved'] as const;

/** How the team resolved a request, by whom, and the note back to the therapist. */
export const teamResolutionSchema = z.strictObject({
  action: z.enum(TEAM_RESOLUTIONS),
  note: z.optional(z.string()),
  /** The team member's subject, from their token. */
  by: id,
  at: isoInstant,
});

export const teamRequestSchema = z.strictObject({
  id,
  kind: z.enum(TEAM_REQUEST_KINDS),
  therapistId: id,
  sessionId: z.optional(id),
  /** The therapist's reason, or the policy's when they gave none. */
  reason: nonEmptyString(),
  /** The note the therapist wrote, as written. */
  note: z.optional(z.string()),
  /** The refund the request asks the team to confirm (`new-client-refund`). */
  refundId: z.optional(id),
  status: z.enum(TEAM_REQUEST_STATUSES),
  createdAt: isoInstant,
  resolution: z.optional(teamResolutionSchema),
});

/** One fact a rule that fired looked at, with the value it had. */
export const decidingFactSchema = z.strictObject({
  fact: nonEmptyString(),
  path: z.optional(z.string()),
  operator: nonEmptyString(),
  expected: z.unknown(),
  actual: z.unknown(),
});

/**
 * The host's own decision at a write, kept with what it led to: the policy's identity and outcome,
 * its effects in words, and the rules that fired with the facts that made them fire (the "why").
 */
export const decisionRecordSchema = z.strictObject({
  action: z.enum(ACTIONS),
  /** The `now` it was decided for. */
  at: isoInstant,
  outcome: z.enum(['allowed', 'needs-team', 'blocked']),
  policy: z.strictObject({ id: nonEmptyString(), version: nonEmptyString(), hash: nonEmptyString() }),
  /** What the therapist's widget said it showed, when the write carried it. */
  shown: z.nullable(decisionShownSchema),
  effects: z.array(
    z.strictObject({
      kind: z.enum(['notify', 'alternatives', 'refund', 'team', 'requirement', 'warning', 'recommendation', 'block']),
      message: nonEmptyString(),
      ruleIds: z.array(id),
    }),
  ),
  rules: z.array(
    z.strictObject({ ruleId: id, file: nonEmptyString(), description: z.string(), facts: z.array(decidingFactSchema) }),
  ),
});

export const offerSchema = z.strictObject({
  token: nonEmptyString(),
  session: sessionSchema,
  alternatives: z.array(slotSchema),
  refund: z.nullable(z.strictObject({ amount: moneySchema, needsTeamReview: z.boolean() })),
  expiresAt: isoInstant,
  status: z.enum(['open', 'answered', 'expired']),
  answer: z.optional(z.strictObject({ choice: z.enum(CLIENT_PREFERENCES), slotId: z.optional(id), at: isoInstant })),
});

export const therapistSchema = z.extend(therapistFactsSchema, {
  /** When a hidden profile shows again by itself, if set. */
  hiddenUntil: z.optional(isoDateOrInstant),
});

export const absenceSchema = z.strictObject({
  id,
  therapistId: id,
  from: isoDateOrInstant,
  until: z.optional(isoDateOrInstant),
  certainty: z.enum(CERTAINTIES),
  note: z.optional(z.string()),
});

/** The body of every error response. */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    /** Machine-readable, kebab-case: `slot-taken`, `version-mismatch`, `policy-refused` … */
    code: nonEmptyString(),
    /** A sentence for people. */
    message: nonEmptyString(),
    /** For `policy-refused`: the host's own decision's messages; for validation: the issues. */
    details: z.optional(z.unknown()),
  }),
});

// Request bodies

const reasonFields = { reason: z.enum(REASONS), note: z.optional(z.string()) };

export const cancelRequestSchema = z.strictObject({
  ...reasonFields,
  /** The open slots offered to the client instead. */
  alternativeSlotIds: z.array(id),
  refundOffered: z.boolean(),
  decision: decisionShownSchema,
});

export const rescheduleRequestSchema = z.strictObject({
  slotId: id,
  reason: z.optional(z.enum(REASONS)),
  note: z.optional(z.string()),
  decision: decisionShownSchema,
});

export const refundRequestSchema = z.strictObject({ note: z.optional(z.string()), decision: decisionShownSchema });

export const attendanceRequestSchema = z.strictObject({
  outcome: z.enum(ATTENDANCE_OUTCOMES),
  refund: z.boolean(),
  note: z.optional(z.string()),
  decision: decisionShownSchema,
});

export const teamRequestRequestSchema = z.strictObject({
  /** What people raise; the host raises `notification-failed` and `refund-failed` itself. */
  kind: z.enum(TEAM_REQUEST_KINDS_RAISED_BY_PEOPLE),
  therapistId: id,
  sessionId: z.optional(id),
  reason: nonEmptyString(),
  note: z.optional(z.string()),
});

export const teamResolutionRequestSchema = z.strictObject({
  action: z.enum(TEAM_RESOLUTIONS),
  /** Back to the therapist: why, or what was arranged. Required to decline a refund. */
  note: z.optional(z.string()),
});

export const offerAnswerSchema = z.strictObject({
  choice: z.enum(CLIENT_PREFERENCES),
  /** Required when the choice is `alternative`. */
  slotId: z.optional(id),
});

export const visibilityRequestSchema = z.strictObject({
  visible: z.boolean(),
  hiddenUntil: z.optional(isoDateOrInstant),
});

export const absenceRequestSchema = z.strictObject({
  from: isoDateOrInstant,
  until: z.optional(isoDateOrInstant),
  certainty: z.enum(CERTAINTIES),
  note: z.optional(z.string()),
  /** Also tell the platform team (recommended for an unsure or extended absence). */
  informTeam: z.boolean(),
});

// Response bodies

export const sessionResponseSchema = z.strictObject({ session: sessionSchema });
export const slotsResponseSchema = z.strictObject({ slots: z.array(slotSchema) });
export const policyFactsResponseSchema = z.strictObject({
  client: clientFactsSchema,
  therapist: therapistFactsSchema,
  history: z.array(historyEntrySchema),
});
export const rulesResponseSchema = z.strictObject({
  id: nonEmptyString(),
  version: nonEmptyString(),
  /** Rule files by name, as `createPolicy` takes them. */
  files: z.record(z.string(), z.unknown()),
  /**
   * The policy hash (`Policy.hash`) the host's own `createPolicy` computed for exactly these files.
   * A page whose files hash the same builds its policy without loading the rule-file validator;
   * without it, or when it differs, the page validates the files itself.
   */
  hash: z.optional(nonEmptyString()),
});
/** A rule set to publish as the tenant's new policy version. */
export const publishRulesRequestSchema = z.strictObject({
  id: nonEmptyString(),
  /** A version is published once: the same id and version again must be the same files. */
  version: nonEmptyString(),
  /** Rule files by name, as `createPolicy` takes them. */
  files: z.record(z.string(), z.unknown()),
});
export const cancelResponseSchema = z.strictObject({
  session: sessionSchema,
  offer: z.nullable(z.strictObject({ token: nonEmptyString(), expiresAt: isoInstant })),
  teamRequest: z.nullable(teamRequestSchema),
});
export const refundResponseSchema = z.strictObject({
  refund: refundSchema,
  teamRequest: z.nullable(teamRequestSchema),
});
export const attendanceResponseSchema = z.strictObject({
  session: sessionSchema,
  refund: z.nullable(refundSchema),
  teamRequest: z.nullable(teamRequestSchema),
});
export const teamRequestResponseSchema = z.strictObject({ teamRequest: teamRequestSchema });
export const teamRequestsQuerySchema = z.strictObject({
  status: z.optional(z.enum(TEAM_REQUEST_STATUSES)),
  kind: z.optional(z.enum(TEAM_REQUEST_KINDS)),
});
export const teamRequestsResponseSchema = z.strictObject({
  teamRequests: z.array(teamRequestSchema),
  /** The sessions the listed requests are about (each once), for their times and clients. */
  sessions: z.array(sessionSchema),
});
/** One team request with everything the team needs to resolve it. */
export const teamRequestDetailResponseSchema = z.strictObject({
  teamRequest: teamRequestSchema,
  session: z.nullable(sessionSchema),
  /** The client and how the policy sees them. */
  client: z.nullable(
    z.strictObject({ id, displayName: nonEmptyString(), isNew: z.boolean(), attendedSessions: z.number() }),
  ),
  /** The money: the refund the request is about, or the session's refund. */
  refund: z.nullable(refundSchema),
  /** The decision the therapist's write was made under, with its trace. */
  decision: z.nullable(decisionRecordSchema),
});
export const teamResolutionResponseSchema = z.strictObject({
  teamRequest: teamRequestSchema,
  refund: z.nullable(refundSchema),
  session: z.nullable(sessionSchema),
});
export const offerResponseSchema = z.strictObject({ offer: offerSchema });
/** Messages oldest first. */
export const notificationsResponseSchema = z.strictObject({ notifications: z.array(notificationSchema) });
export const offerAnswerResponseSchema = z.strictObject({ offer: offerSchema, refund: z.nullable(refundSchema) });
export const therapistResponseSchema = z.strictObject({ therapist: therapistSchema });
export const therapistStandingResponseSchema = z.strictObject({
  therapist: therapistSchema,
  /** The therapist's cancellations and rearrangements, as the policy counts them. */
  history: z.array(historyEntrySchema),
});
export const sessionsResponseSchema = z.strictObject({ sessions: z.array(sessionSchema) });
export const absenceResponseSchema = z.strictObject({
  absence: absenceSchema,
  teamRequest: z.nullable(teamRequestSchema),
});

export const slotsQuerySchema = z.strictObject({ from: isoInstant, to: isoInstant });
export const sessionsQuerySchema = z.strictObject({ from: isoDateOrInstant, to: isoDateOrInstant });

export type Slot = z.output<typeof slotSchema>;
export type Session = z.output<typeof sessionSchema>;
export type DecisionShown = z.output<typeof decisionShownSchema>;
export type Refund = z.output<typeof refundSchema>;
export type TeamRequest = z.output<typeof teamRequestSchema>;
export type TeamRequestKind = (typeof TEAM_REQUEST_KINDS)[number];
export type TeamResolutionAction = (typeof TEAM_RESOLUTIONS)[number];
export type TeamResolution = z.output<typeof teamResolutionSchema>;
export type DecisionRecord = z.output<typeof decisionRecordSchema>;
export type TeamRequestDetail = z.output<typeof teamRequestDetailResponseSchema>;
export type Offer = z.output<typeof offerSchema>;
export type Notification = z.output<typeof notificationSchema>;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type Therapist = z.output<typeof therapistSchema>;
export type Absence = z.output<typeof absenceSchema>;
export type ErrorBody = z.output<typeof errorBodySchema>;
