import {
  ACTIONS,
  ATTENDANCE_OUTCOMES,
  CERTAINTIES,
  CLIENT_PREFERENCES,
  REASONS,
  SESSION_STATUSES,
} from './vocabulary.js';

// What a rule's conditions may read, for checking rule files: kept apart from the vocabulary, so
// deciding with rules already validated does not carry it.

/** The kind of value found at a fact path, used to check a condition's `value`. */
export type ValueKind =
  | { type: 'string' }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'instant' }
  | { type: 'dateOrInstant' }
  | { type: 'enum'; values: readonly string[] };

const text = { type: 'string' } as const;
const num = { type: 'number' } as const;
const bool = { type: 'boolean' } as const;
const instant = { type: 'instant' } as const;
const dateOrInstant = { type: 'dateOrInstant' } as const;
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
      unavailableFrom: dateOrInstant,
      unavailableUntil: dateOrInstant,
      certainty: oneOf(CERTAINTIES),
    },
  },
  hoursUntilStart: { kind: num },
  sessionStarted: { kind: bool },
  cancellationsInWindow: { kind: num, params: 'days' },
  daysUnavailable: { kind: num },
} as const satisfies Record<string, { kind: ValueKind; params?: 'days' } | { paths: Record<string, ValueKind> }>;

/** A fact a rule may name in a condition's `fact`. */
export type FactName = keyof typeof FACT_CATALOG;
export const FACT_NAMES = Object.keys(FACT_CATALOG) as FactName[];

/**
 * What a condition on `fact` (with `path`) reads, or an error sentence saying what is allowed.
 */
export function lookUpFactPath(fact: FactName, path: string | undefined): ValueKind | string {
  if (!Object.hasOwn(FACT_CATALOG, fact))
    return `unknown fact ${JSON.stringify(fact)}: expected one of ${quoteList(FACT_NAMES)}`;
  const entry: { kind?: ValueKind; paths?: Record<string, ValueKind> } = FACT_CATALOG[fact];
  if (entry.paths) {
    const allowed = Object.keys(entry.paths);
    if (path === undefined) return `fact "${fact}" is an object: add a "path", one of ${quoteList(allowed)}`;
    // Own paths only: `constructor` or `toString` are Object.prototype's, not the fact's.
    return Object.hasOwn(entry.paths, path)
      ? entry.paths[path]!
      : `unknown path "${path}" on fact "${fact}": expected one of ${quoteList(allowed)}`;
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
