/**
 * The widgets' size budgets, in bytes (gzip -9 per chunk of a Vite build of the widget's entry, as
 * scripts/bench.ts measures with splitBundleSize('vite', …)): what loads before the engine (the first
 * load) and the whole flow with it, for rules a host vouches for by their hash. Checked by
 * packages/elements/test/node/size-budgets.test.ts; scripts/size-report.ts says what weighs most.
 * @packageDocumentation
 */
import { TARGET_LOCALES, type WidgetTag } from '@raincheck/elements';
import type { OnDemand } from './bundle-size.js';

/** A widget's budgets; `wholeFlow` only for widgets that decide (the others never load the engine). */
export interface SizeBudget {
  readonly firstLoad: number;
  readonly wholeFlow?: number;
}

/** 1 KB = 1,000 B, as the budgets are stated. */
const KB = 1000;
const deciding: SizeBudget = { firstLoad: 18 * KB, wholeFlow: 30 * KB };

/** Every widget's budgets, by tag. */
export const SIZE_BUDGETS: Readonly<Record<WidgetTag, SizeBudget>> = {
  'rc-cancel-session': deciding,
  'rc-reschedule-session': deciding,
  'rc-refund-request': deciding,
  'rc-attendance-update': deciding,
  'rc-client-response': { firstLoad: 18 * KB },
  'rc-availability': deciding,
  'rc-cancellation-standing': deciding,
  'rc-team-queue': { firstLoad: 18 * KB },
};

/** What only some pages load, as bench.ts counts it: another locale's strings, the rule-file validator. */
export const WIDGET_ON_DEMAND: OnDemand = {
  // tsup names each translation chunk after its locale: `de-<hash>.js`.
  isTranslation: (module) => TARGET_LOCALES.some((locale) => new RegExp(`(^|/)${locale}-\\w+\\.js$`).test(module)),
  // The validator's entry and what only it needs; bundlers name the chunk after the entry.
  isValidator: (module) => /(^|\/)policy\/dist\/rule-files\.js$/.test(module),
};
