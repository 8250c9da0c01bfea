import type {
  Action,
  Channel,
  Operator,
  RecommendationKind,
  RefundMode,
  WarningLevel,
  EventType,
} from './vocabulary.js';
import type { FactName } from './fact-catalog.js';

/** `blocked` if any rule blocks; else `needs-team` if any rule routes to the team; else `allowed`. */
export type Outcome = 'allowed' | 'needs-team' | 'blocked';

/** Every effect names the rules it came from and the sentence of the first (winning) one. */
interface Effect {
  /** Ids of the fired rules that produced this effect, the winning one first. */
  readonly ruleIds: readonly string[];
  /** The winning rule's description with its placeholders filled in. */
  readonly message: string;
}

/** How and when the client is told. Channels are unioned; the shortest deadline wins. */
export interface NotifyEffect extends Effect {
  readonly channels: readonly Channel[];
  readonly withinMinutes: number;
  /** Follow up if the client has not answered after this many hours (the shortest wins). */
  readonly followUp?: { readonly afterHours: number };
}

/** Alternative slots to offer. Single-valued: the highest-priority rule wins. */
export interface AlternativesEffect extends Effect {
  readonly minSlots: number;
  readonly maxSlots?: number;
  readonly withinDays: number;
}

/** The refund the client may choose. Single-valued: the highest-priority rule wins. */
export interface RefundEffect extends Effect {
  readonly percent: number;
  /** In minor units of the session's currency, rounded down. */
  readonly amount: number;
  readonly currency: string;
  readonly mode: RefundMode;
}

/** Something only the platform team may do; unioned by reason code. */
export interface TeamEffect extends Effect {
  readonly reason: string;
}

/** Something the person acting must supply; unioned by kind, the longest minimum wins. */
export interface RequirementEffect extends Effect {
  readonly kind: 'written-reason';
  readonly minLength: number;
}

/** A frequency warning; one per code, the most severe level wins. */
export interface WarningEffect extends Effect {
  readonly level: WarningLevel;
  readonly code: string;
  /** Cancellations and rearrangements in the window, this one included. */
  readonly count: number;
  readonly windowDays: number;
  readonly threshold: number;
}

/** Advice for the therapist; one per kind; `hide-profile` and `show-profile` exclude each other. */
export interface RecommendationEffect extends Effect {
  readonly kind: RecommendationKind;
  /** When the recommendation lasts until (the return date), if known. */
  readonly until?: string;
}

/** Why the action cannot go ahead at all; unioned by reason code. */
export interface BlockEffect extends Effect {
  readonly reason: string;
}

/** One comparison in a rule's conditions, with the value it actually met. */
export interface FactConditionExplanation {
  readonly kind: 'fact';
  readonly fact: FactName;
  readonly path?: string;
  readonly params?: { readonly days: number };
  readonly operator: Operator;
  readonly expected: unknown;
  readonly actual: unknown;
  /** `null` when the engine did not need to evaluate it (an earlier condition decided). */
  readonly passed: boolean | null;
}

/** `all` / `any` / `not` over conditions. */
export interface GroupConditionExplanation {
  readonly kind: 'all' | 'any' | 'not';
  readonly conditions: readonly ConditionExplanation[];
  readonly passed: boolean | null;
}

export type ConditionExplanation = FactConditionExplanation | GroupConditionExplanation;

/** Why one rule fired or did not. */
export interface RuleExplanation {
  readonly ruleId: string;
  /** The rule file (policy area) it comes from. */
  readonly file: string;
  readonly priority: number;
  readonly eventType: EventType;
  /** The rule's description with placeholders filled from these facts. */
  readonly description: string;
  readonly fired: boolean;
  readonly conditions: ConditionExplanation;
}

/** Which policy made a decision; `hash` changes whenever any rule's content changes. */
export interface PolicyIdentity {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
}

/** The outcome of evaluating a policy for one set of facts: what happens, and why. */
export interface Decision {
  readonly action: Action;
  /** The `now` the decision was made for. */
  readonly now: string;
  readonly outcome: Outcome;
  readonly notify: NotifyEffect | null;
  readonly alternatives: AlternativesEffect | null;
  readonly refund: RefundEffect | null;
  readonly team: readonly TeamEffect[];
  readonly requirements: readonly RequirementEffect[];
  readonly warnings: readonly WarningEffect[];
  readonly recommendations: readonly RecommendationEffect[];
  readonly blocks: readonly BlockEffect[];
  /** Every rule of the policy, fired or not, in policy order. */
  readonly explanations: readonly RuleExplanation[];
  readonly policy: PolicyIdentity;
}
