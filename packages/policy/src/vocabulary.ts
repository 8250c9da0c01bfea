/**
 * The shared vocabulary of Raincheck (see DESIGN.md): actions, decision types and operators; the
 * facts a rule may read are in fact-catalog.ts. Everything a rule file names is checked against these.
 */

/** What the therapist, the client or the host is doing. */
export const ACTIONS = [
  'cancel',
  'reschedule',
  'refund',
  'attendance-update',
  'client-response',
  'availability-change',
] as const;
/** One of {@link ACTIONS}. */
export type Action = (typeof ACTIONS)[number];

export const SESSION_STATUSES = ['scheduled', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const REASONS = ['illness', 'personal-emergency', 'other'] as const;
export type Reason = (typeof REASONS)[number];

export const CLIENT_PREFERENCES = ['alternative', 'refund'] as const;
export type ClientPreference = (typeof CLIENT_PREFERENCES)[number];

export const ATTENDANCE_OUTCOMES = ['attended', 'client-no-show', 'therapist-unable'] as const;
export type AttendanceOutcome = (typeof ATTENDANCE_OUTCOMES)[number];

export const CERTAINTIES = ['sure', 'unsure'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const HISTORY_KINDS = ['cancel', 'reschedule'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** How a client can be told, in order of escalation. */
export const CHANNELS = ['email', 'sms', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REFUND_MODES = ['self-serve', 'team-review'] as const;
export type RefundMode = (typeof REFUND_MODES)[number];

export const WARNING_LEVELS = ['info', 'warning', 'critical'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const RECOMMENDATION_KINDS = ['hide-profile', 'show-profile', 'inform-team'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** A rule's `event.type`: the effect it has on the decision when it fires. */
export const EVENT_TYPES = [
  'notify-client',
  'offer-alternatives',
  'offer-refund',
  'route-to-team',
  'require-reason',
  'frequency-warning',
  'recommend-visibility',
  'block',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The operators a rule may use: json-rules-engine's comparison built-ins, nothing custom and no
 * decorators, so a rule file can only compare values. (`contains` is left out: no fact path holds a list.)
 */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** The facts the package computes from the input facts. */
export const DERIVED_FACTS = ['hoursUntilStart', 'sessionStarted', 'cancellationsInWindow', 'daysUnavailable'] as const;
