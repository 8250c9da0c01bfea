import * as z from 'zod/mini';
import { matching, namedCheck, nonEmptyString, wholeNumber } from './checks.js';
import {
  ACTIONS,
  ATTENDANCE_OUTCOMES,
  CERTAINTIES,
  CLIENT_PREFERENCES,
  HISTORY_KINDS,
  REASONS,
  SESSION_STATUSES,
} from './vocabulary.js';

const nonEmpty = nonEmptyString();

/** An ISO 8601 instant with an explicit offset. */
export const isoInstant = z.string().check(namedCheck('isoInstant'));
/** A calendar date or an ISO 8601 instant with an offset. */
export const isoDateOrInstant = z.string().check(namedCheck('isoDateOrInstant'));
/** An IANA time zone this runtime knows. */
export const timeZoneSchema = z.string().check(namedCheck('timeZone'));
const count = wholeNumber(0);

/** Money in integer minor units (pence, cents) with an ISO 4217 currency code. */
export const moneySchema = z.strictObject({
  amount: count,
  currency: matching(/^[A-Z]{3}$/, 'expected a 3-letter ISO 4217 currency code, e.g. GBP'),
});

export const sessionFactsSchema = z.strictObject({
  id: nonEmpty,
  startsAt: isoInstant,
  endsAt: isoInstant,
  timeZone: timeZoneSchema,
  status: z.enum(SESSION_STATUSES),
  price: moneySchema,
  /** The host's concurrency token for the session (sent as If-Match on writes). */
  version: z.optional(nonEmpty),
});

export const clientFactsSchema = z.strictObject({
  id: nonEmpty,
  isNew: z.boolean(),
  attendedSessions: count,
});

export const therapistFactsSchema = z.strictObject({
  id: nonEmpty,
  profileVisible: z.boolean(),
  /** The therapist's own zone: used for day windows when there is no session. */
  timeZone: z.optional(timeZoneSchema),
});

export const historyEntrySchema = z.strictObject({
  sessionId: nonEmpty,
  at: isoInstant,
  kind: z.enum(HISTORY_KINDS),
});

export const requestFactsSchema = z.strictObject({
  reason: z.optional(z.enum(REASONS)),
  note: z.optional(z.string()),
  clientPreference: z.optional(z.enum(CLIENT_PREFERENCES)),
  attendanceOutcome: z.optional(z.enum(ATTENDANCE_OUTCOMES)),
  unavailableFrom: z.optional(isoDateOrInstant),
  unavailableUntil: z.optional(isoDateOrInstant),
  certainty: z.optional(z.enum(CERTAINTIES)),
});

/**
 * The facts a decision is made from. `now` is always given, so the same facts always give the
 * same decision. `session` and `client` are required for every action but `availability-change`.
 */
export const factsSchema = z
  .strictObject({
    action: z.enum(ACTIONS),
    now: isoInstant,
    session: z.optional(sessionFactsSchema),
    client: z.optional(clientFactsSchema),
    therapist: therapistFactsSchema,
    history: z.optional(z.array(historyEntrySchema)),
    request: z.optional(requestFactsSchema),
  })
  .check(
    namedCheck('requiredUnlessAction', 'session', 'availability-change'),
    namedCheck('requiredUnlessAction', 'client', 'availability-change'),
  );

/** Facts as given to `Policy.evaluate`. */
export type Facts = z.output<typeof factsSchema>;
export type SessionFacts = z.output<typeof sessionFactsSchema>;
export type ClientFacts = z.output<typeof clientFactsSchema>;
export type TherapistFacts = z.output<typeof therapistFactsSchema>;
export type HistoryEntry = z.output<typeof historyEntrySchema>;
export type RequestFacts = z.output<typeof requestFactsSchema>;
export type Money = z.output<typeof moneySchema>;
