// The kit's vocabulary: checks, their results, a run's options and its report.

/** The groups checks come in, in the order the report shows them. */
export const GROUPS = [
  'contract',
  'idempotency',
  'preconditions',
  're-decision',
  'identities',
  'offers',
  'notifications',
] as const;
/** A group of checks. */
export type Group = (typeof GROUPS)[number];

/**
 * What a check found. `expected-failure`: it failed, and the expected-failures file lists it (a
 * known gap, not counted against the run).
 */
export type Status = 'pass' | 'fail' | 'skip' | 'expected-failure';

/** The roles the kit acts as: the practice's people, and two who must be refused. */
export const KIT_ROLES = [
  'therapist',
  'team',
  'admin',
  'other-therapist',
  'other-tenant-therapist',
  'other-tenant-team',
] as const;
/** Whom a token given to the kit belongs to. */
export type KitRole = (typeof KIT_ROLES)[number];

/** One check's result. */
export interface CheckResult {
  /** Stable: `idempotency.replay`, `identities.other-therapist` … */
  readonly id: string;
  readonly group: Group;
  /** What the check asks of the host, in one sentence. */
  readonly title: string;
  readonly status: Status;
  /** For fail and skip: what is wrong (expected vs got, endpoint, header) or why it did not run. */
  readonly message?: string;
  /** For an expected failure: the reason the expected-failures file gives. */
  readonly expectedBecause?: string;
  /** The requests the check sent and what came back, one line each (for failures). */
  readonly transcript?: readonly string[];
  readonly durationMs: number;
}

/** A run's results and their counts. */
export interface ConformanceReport {
  readonly baseUrl: string;
  /** How the host was set up: `fixtures` (a fresh tenant per scenario) or `seed` (the documented seed). */
  readonly setup: 'fixtures' | 'seed';
  readonly startedAt: string;
  readonly results: readonly CheckResult[];
  /** `passingExpected`: of the passed, those the expected-failures file lists (remove them from it). */
  readonly summary: {
    readonly passed: number;
    readonly failed: number;
    readonly skipped: number;
    readonly expectedFailures: number;
    readonly passingExpected: number;
  };
  /** True when no failure is unexpected: what the exit code says. */
  readonly ok: boolean;
}

/** A known gap: a check id and why it fails on this host. */
export interface ExpectedFailure {
  readonly id: string;
  readonly reason: string;
}

/** The ids of the documented seed, when they differ from its defaults. */
export interface SeedIds {
  /** A scheduled session of the therapist's, more than two days ahead; default `ses-1`. */
  readonly sessionId?: string;
  /** The therapist who holds it (the `therapist` token's subject); default `th-ana`. */
  readonly therapistId?: string;
}

/** What {@link runConformance} needs. */
export interface ConformanceOptions {
  /** Where the host API is served, e.g. `http://127.0.0.1:8787` or `https://partner.example/raincheck`. */
  readonly baseUrl: string;
  /** The fetch to call the host with; default the global one (an in-process host's handler, in tests). */
  readonly fetch?: typeof fetch;
  /**
   * Set the host up through its development fixtures (`POST {baseUrl}/_fixtures/scenario`): a fresh
   * tenant per scenario, with tokens. Without it the host holds the documented seed and the kit
   * needs tokens (`tokens` or `tokenSecret`); checks that change data then skip.
   */
  readonly fixtures?: boolean;
  /** Bearer tokens for the seed's people, by role (seed mode). */
  readonly tokens?: Partial<Readonly<Record<KitRole, string>>>;
  /** Or the HS256 secret the host verifies the seed's tenants with: the kit mints the tokens (seed mode). */
  readonly tokenSecret?: string;
  /** The seed's ids, when not the defaults (seed mode). */
  readonly seed?: SeedIds;
  /** Known gaps: listed failing checks count as expected. */
  readonly expectedFailures?: readonly ExpectedFailure[];
  /** Only the checks whose id starts with one of these (`idempotency.`, `offers.answer-once`). */
  readonly only?: readonly string[];
  /** Milliseconds a single request may take before the check fails; default 30 000. */
  readonly requestTimeoutMs?: number;
  /** Called with each result as it is known (progress output). */
  readonly onResult?: (result: CheckResult) => void;
}
