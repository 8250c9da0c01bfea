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

/** 1 KB = 1,000 B, as the targets are stated. */
const KB = 1000;

/** The targets (README, "Benchmarks"): every widget ≤ 18 KB before the engine, ≤ 30 KB with it. */
export const SIZE_TARGETS: SizeBudget = { firstLoad: 18 * KB, wholeFlow: 30 * KB };

/**
 * What each widget may weigh today: its target where it meets it, else what it measured after
 * issue 19's cuts and issue 20's slot picker (size19b) plus at least 250 B, rounded up to the next
 * 500 B (the file names a build hashes move a widget's gzip by up to ~150 B from one build to the
 * next; see the README for what is left and why), so nothing grows unnoticed. Lower a budget when a widget shrinks; never raise one past
 * its target without saying why in the README.
 */
export const SIZE_BUDGETS: Readonly<Record<WidgetTag, SizeBudget>> = {
  // The failure sentences moved from each first load into its lazy module (fail19): first loads −0.6 KB,
  // whole flows +0.3–0.5 KB (they gzip apart from the rest of the first load), less than what moved.
  // Reading a rules-url's answer, building the policy from it and making the write controller moved
  // into the decided phase (tail19): first loads −0.2 KB, whole flows +10–70 B (less than what moved).
  // The refund's and the attendance's whole flows were already over (by 68 B and 36 B) before it, and
  // the standing's sat 10 B under: those three are raised here to what they measure + 250 B, rounded up.
  'rc-cancel-session': { firstLoad: 19_000, wholeFlow: 41_000 },
  'rc-reschedule-session': { firstLoad: 19_000, wholeFlow: 40_500 },
  'rc-refund-request': { firstLoad: 19_000, wholeFlow: 37_500 },
  'rc-attendance-update': { firstLoad: 19_000, wholeFlow: 38_000 },
  'rc-client-response': { firstLoad: 19_500, wholeFlow: 25_000 },
  'rc-availability': { firstLoad: 19_000, wholeFlow: 37_500 },
  'rc-cancellation-standing': { firstLoad: 18_000, wholeFlow: 34_000 },
  'rc-team-queue': { firstLoad: 20_000, wholeFlow: 27_000 },
};

/** What only some pages load, as bench.ts counts it: another locale's strings, the rule-file validator. */
export const WIDGET_ON_DEMAND: OnDemand = {
  // tsup names each translation chunk after its locale: `de-<hash>.js`.
  isTranslation: (module) => TARGET_LOCALES.some((locale) => new RegExp(`(^|/)${locale}-\\w+\\.js$`).test(module)),
  // The validator's entry and what only it needs; bundlers name the chunk after the entry.
  isValidator: (module) => /(^|\/)policy\/dist\/rule-files\.js$/.test(module),
};
