/**
 * The widgets' size budgets, in bytes, in one place: gzip -9 per chunk of a Vite build of the
 * widget's entry, as scripts/bench.ts measures with splitBundleSize('vite', …); what loads before
 * the engine (the first load) and the whole flow with it, for rules a host vouches for by their hash.
 * packages/elements/test/node/size-budgets.test.ts fails when a widget grows past its budget;
 * scripts/size-report.ts says what weighs most.
 * @packageDocumentation
 */
import { TARGET_LOCALES, type WidgetTag } from '@raincheck/elements';
import type { OnDemand } from './bundle-size.js';

/** A widget's bytes: before the engine, and everything its flow loads (for the widgets that never decide, what they load lazily). */
export interface SizeBudget {
  readonly firstLoad: number;
  readonly wholeFlow: number;
}

/** 1 KB = 1,000 B, as the target is stated. */
const KB = 1000;

/** The target (README, "Benchmarks"): every widget's first load (before the engine) ≤ 18 KB. */
export const FIRST_LOAD_TARGET = 18 * KB;

/**
 * The widgets whose first load may be over {@link FIRST_LOAD_TARGET}, and why: none since issue 19.
 * The budget test fails when one of them meets the target, so an exception goes with it.
 */
export const OVER_FIRST_LOAD_TARGET: Partial<Readonly<Record<WidgetTag, string>>> = {};

/**
 * What each widget may weigh, in bytes: the target for a first load that meets it; else, and for every
 * whole flow (which has no target: see the README), what it measured at the end of issue 19's cuts
 * plus at least 250 B, rounded up to the next 500 B, so nothing grows unnoticed (a change moves a
 * widget's gzip by up to ~150 B through the file names its build hashes). Lower a budget when a widget
 * shrinks; never raise one without saying why in the README.
 */
export const SIZE_BUDGETS: Readonly<Record<WidgetTag, SizeBudget>> = {
  'rc-cancel-session': { firstLoad: FIRST_LOAD_TARGET, wholeFlow: 41_500 },
  'rc-reschedule-session': { firstLoad: FIRST_LOAD_TARGET, wholeFlow: 41_000 },
  'rc-refund-request': { firstLoad: FIRST_LOAD_TARGET, wholeFlow: 37_500 },
  'rc-attendance-update': { firstLoad: FIRST_LOAD_TARGET, wholeFlow: 38_000 },
  'rc-client-response': { firstLoad: FIRST_LOAD_TARGET, wholeFlow: 25_000 },
  'rc-availability': { firstLoad: FIRST_LOAD_TARGET, wholeFlow: 38_500 },
  'rc-cancellation-standing': { firstLoad: FIRST_LOAD_TARGET, wholeFlow: 34_000 },
  'rc-team-queue': { firstLoad: FIRST_LOAD_TARGET, wholeFlow: 27_500 },
};

/** What only some pages load, as bench.ts counts it: another locale's strings, the rule-file validator. */
export const WIDGET_ON_DEMAND: OnDemand = {
  // tsup names each translation chunk after its locale: `de-<hash>.js`.
  isTranslation: (module) => TARGET_LOCALES.some((locale) => new RegExp(`(^|/)${locale}-\\w+\\.js$`).test(module)),
  // The validator's entry and what only it needs; bundlers name the chunk after the entry.
  isValidator: (module) => /(^|\/)policy\/dist\/rule-files\.js$/.test(module),
};
