/**
 * The shared vocabulary of Raincheck (see DESIGN.md): actions, decision types, operators and the
 * catalogue of fact paths a rule may read. Everything a rule file names is checked against this.
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

/** The kind of value found at a fact path, used to check a condition's `value`. */
export type ValueKind =
  | { type: 'string' }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'instant' }
  | { type: 'enum'; values: readonly string[] };

const text = { type: 'string' } as const;
const num = { type: 'number' } as const;
const bool = { type: 'boolean' } as const;
const instant = { type: 'instant' } as const;
const oneOf = (values: readonly string[]): ValueKind => ({ type: 'enum', values });

/** Facts the rules may name; object facts are read through one of their listed paths. */
export const FACT_CATALOG = {
  action: { kind: oneOf(ACTIONS) },
  now: { kind: instant },
  session: {
    paths: {
      id: text,
      startsAt: instant,
      endsAt: instant,
      timeZone: text,
      status: oneOf(SESSION_STATUSES),
      'price.amount': num,
      'price.currency': text,
      version: text,
    },
  },
  client: { paths: { id: text, isNew: bool, attendedSessions: num } },
  therapist: { paths: { id: text, profileVisible: bool, timeZone: text } },
  history: { paths: { length: num } },
  request: {
    paths: {
      reason: oneOf(REASONS),
      note: text,
      clientPreference: oneOf(CLIENT_PREFERENCES),
      attendanceOutcome: oneOf(ATTENDANCE_OUTCOMES),
      unavailableFrom: text,
      unavailableUntil: text,
      certainty: oneOf(CERTAINTIES),
    },
  },
  hoursUntilStart: { kind: num },
  sessionStarted: { kind: bool },
  cancellationsInWindow: { kind: num, params: 'days' },
  daysUnavailable: { kind: num },
} as const satisfies Record<
  string,
  { kind: ValueKind; params?: 'days' } | { paths: Record<string, ValueKind> }
>;

/** A fact a rule may name in a condition's `fact`. */
export type FactName = keyof typeof FACT_CATALOG;
export const FACT_NAMES = Object.keys(FACT_CATALOG) as FactName[];

/** The facts the package computes from the input facts. */
export const DERIVED_FACTS = [
  'hoursUntilStart',
  'sessionStarted',
  'cancellationsInWindow',
  'daysUnavailable',
] as const;

/**
 * What a condition on `fact` (with `path`) reads, or an error sentence saying what is allowed.
 */
export function lookUpFactPath(fact: FactName, path: string | undefined): ValueKind | string {
  const entry: { kind?: ValueKind; paths?: Record<string, ValueKind> } = FACT_CATALOG[fact];
  if (entry.paths) {
    const allowed = Object.keys(entry.paths);
    if (path === undefined) return `fact "${fact}" is an object: add a "path", one of ${quoteList(allowed)}`;
    return entry.paths[path] ?? `unknown path "${path}" on fact "${fact}": expected one of ${quoteList(allowed)}`;
  }
  if (path !== undefined) return `fact "${fact}" is a single value and takes no "path"`;
  return entry.kind as ValueKind;
}

/** Every `fact.path` (or plain fact name) a description placeholder may name. */
export function placeholderPaths(): string[] {
  return FACT_NAMES.flatMap((fact) => {
    const entry: { kind?: ValueKind; paths?: Record<string, ValueKind> } = FACT_CATALOG[fact];
    return entry.paths ? Object.keys(entry.paths).map((p) => `${fact}.${p}`) : [fact];
  });
}

/** `"a", "b" or "c"`: for error messages. */
export function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
