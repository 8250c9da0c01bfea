import type { ContractViolation, Probe } from './probe.js';
import type { Practice, ScenarioName } from './setup.js';
import type { Group } from './types.js';

/** What a check runs with. */
export interface CheckContext {
  /** This check's own view of the host: its requests go to its transcript. */
  readonly probe: Probe;
  /** A practice in `scenario` that the check only reads (the seed's, without fixtures). */
  readonly practice: (scenario: ScenarioName) => Promise<Practice>;
  /**
   * A fresh practice the check may change: a skip without fixtures, saying `why` (default: the
   * check changes data).
   */
  readonly freshPractice: (scenario: ScenarioName, why?: string) => Promise<Practice>;
  /**
   * Moves the host's test clock on (`POST /_fixtures/clock`); a skip when the host has none.
   * Tokens minted before it may have expired: take fresh practices afterwards.
   */
  readonly advanceClock: (minutes: number) => Promise<void>;
  /** The host's time as far as the kit knows: now, plus what it moved the test clock by. */
  readonly now: () => number;
  /** The contract breaks seen so far in the run, in every check's answers. */
  readonly violations: readonly ContractViolation[];
  /** How many requests the run's earlier checks sent: what `violations` was drawn from. */
  readonly requestsSoFar: () => number;
}

/** One check: an id, a sentence, and the steps. */
export interface CheckDefinition {
  /** Stable, `group.name`: what expected-failures files and reports name. */
  readonly id: string;
  readonly group: Group;
  /** What the host must do, in one sentence. */
  readonly title: string;
  /** Passes by returning; fails by throwing `CheckFailure`, skips by throwing `CheckSkip`. */
  run(context: CheckContext): Promise<void>;
}
