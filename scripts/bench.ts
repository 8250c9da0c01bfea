// `npm run bench`: speed of Policy.evaluate against plain json-rules-engine on the same rules (and
// how both scale with history, rules and overlapping evaluations), the browser bundle sizes and
// what each json-rules-engine patch saves; then the reference host's figures (bench-host.ts: cancel
// over HTTP on PGlite and PostgreSQL beside pgbench, serve's start time and memory), after the
// delivery throughput (bench-delivery.ts) and the outbox's commit → first attempt (bench-outbox.ts). Prints
// figures; asserts nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Facts } from '@raincheck/policy';
import { fixtureFileSchema, mergeFacts } from '@raincheck/policy/authoring';
import { createDefaultPolicy } from '@raincheck/policy/rules';
import { TARGET_LOCALES, WIDGETS } from '@raincheck/elements';
import { historyScaling, overlapScaling, plainEngine, plainFacts, ruleScaling } from './bench-scaling.js';
import { bundleSize, splitBundleSize } from './bundle-size.js';
import { enginePatchSavings } from './engine-patch-savings.js';
import { deliveryBenchmarks } from './bench-delivery.js';
import { hostBenchmarks } from './bench-host.js';
import { outboxBenchmarks } from './bench-outbox.js';
import { printWidgetTimings, widgetTimings } from './widget-timings.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20_000);
const WARM_UP = 3_000;
const root = new URL('..', import.meta.url).pathname;

/** Every fixture case's facts: the article's situations, boundaries and clock changes. */
function scenarios(): Facts[] {
  const dir = join(root, 'rules/tests');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.json'))
    .flatMap((name) => {
      const file = fixtureFileSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      return file.cases.map((c) => mergeFacts(file.base ?? {}, c.facts) as Facts);
    });
}

interface Timing {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

async function time(run: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await run(i);
  const samples = new Float64Array(ITERATIONS);
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await run(i);
    samples[i] = performance.now() - t0;
  }
  const total = performance.now() - started;
  samples.sort();
  const at = (q: number) => samples[Math.min(ITERATIONS - 1, Math.floor(q * ITERATIONS))]!;
  return { perSecond: (ITERATIONS / total) * 1000, p50: at(0.5), p99: at(0.99) };
}

const ms = (value: number) => `${value.toFixed(3)} ms`;
// Decimal kilobytes, as the size budgets are stated (1 KB = 1,000 bytes).
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

const policy = createDefaultPolicy();
const cases = scenarios();
const engine = plainEngine(policy);
const prepared = cases.map(plainFacts);

console.log(
  `Policy.evaluate: ${policy.rules.length} default rules, ${cases.length} scenarios, ${ITERATIONS} evaluations (Node ${process.version})\n`,
);
const ours = await time((i) => policy.evaluate(cases[i % cases.length]!));
const plain = await time((i) => engine.run(prepared[i % prepared.length]));
console.log('                               evals/s     p50         p99');
console.log(
  `@raincheck/policy evaluate  ${ours.perSecond.toFixed(0).padStart(9)}   ${ms(ours.p50)}   ${ms(ours.p99)}   (validation, derived facts, merge, explanations)`,
);
console.log(
  `plain json-rules-engine run ${plain.perSecond.toFixed(0).padStart(9)}   ${ms(plain.p50)}   ${ms(plain.p99)}   (same rules, facts prepared beforehand)`,
);
console.log(
  `wrapper cost: ${(plain.perSecond / ours.perSecond).toFixed(2)}× by throughput, ${(ours.p50 / plain.p50).toFixed(2)}× at p50 (target ≤ 1.5×); p99 target < 1 ms`,
);

await historyScaling(policy);
await ruleScaling();
await overlapScaling(policy, cases);

const savings = await enginePatchSavings(root);
console.log(
  `\njson-rules-engine as the policy uses it (Engine, Fact; esbuild, minified, gzip -9): ${savings.patchedGzip} B patched, ${savings.plainGzip} B plain`,
);
console.log('patch                                                  gzip bytes saved');
for (const patch of savings.patches) console.log(`${patch.name.padEnd(56)} ${String(patch.savedGzip).padStart(8)}`);

const policyDir = join(root, 'packages/policy');
const sizes: [string, string][] = [
  ['@raincheck/policy (createPolicy, validation, evaluate)', "export * from '@raincheck/policy';"],
  ['  + default rules', "export * from '@raincheck/policy'; export * from '@raincheck/policy/rules';"],
  ['@raincheck/policy/authoring (JSON Schema, fixtures)', "export * from '@raincheck/policy/authoring';"],
  ['plain json-rules-engine', "export * from 'json-rules-engine';"],
];
console.log('\nBrowser bundle (esbuild, minified, ES2022; gzip -9)        minified    gzip     gzip bytes');
for (const [label, source] of sizes) {
  const size = await bundleSize(source, policyDir);
  console.log(
    `${label.padEnd(56)} ${kb(size.minified).padStart(9)}  ${kb(size.gzip).padStart(8)}  ${String(size.gzip).padStart(9)}`,
  );
}
console.log('target: @raincheck/policy ≤ 20 KB gzip (20,000 bytes)');

const elementsDir = join(root, 'packages/elements');
const onDemand = {
  // tsup names each translation chunk after its locale: `de-<hash>.js`.
  isTranslation: (module: string) =>
    TARGET_LOCALES.some((locale) => new RegExp(`(^|/)${locale}-\\w+\\.js$`).test(module)),
  // The validator's entry and what only it needs; bundlers name the chunk after the entry.
  isValidator: (module: string) => /(^|\/)policy\/dist\/rule-files\.js$/.test(module),
};
const widgets = [
  ...WIDGETS.map(({ tag, folder, decides }) => [`<${tag}>`, `@raincheck/elements/${folder}`, decides] as const),
  ['every widget (@raincheck/elements/define)', '@raincheck/elements/define', true],
] as const;
let translations = 0;
let validator = 0;
for (const [bundler, title] of [
  ['vite', 'Vite 8 (Rolldown), as the playground and most partner apps build'],
  ['esbuild', 'esbuild, whose splitting gives every set of shared modules a chunk of its own'],
] as const) {
  console.log(`\nWidgets split by ${title}; gzip -9 per chunk`);
  console.log(`${''.padEnd(44)} before the engine   with the engine   validating in the page`);
  for (const [label, specifier, decides] of widgets) {
    const size = await splitBundleSize(bundler, specifier, elementsDir, onDemand);
    // A widget that makes no decision (the client's view, the team's queue) never requests the engine chunk.
    const total = decides ? kb(size.totalGzip) : 'never loads it';
    const validating = decides ? `+${kb(size.validatorGzip)}` : '';
    console.log(
      `${label.padEnd(44)} ${kb(size.initialGzip).padStart(17)}   ${total.padStart(15)}   ${validating.padStart(22)}`,
    );
    translations = size.translationsGzip;
    if (decides) validator = size.validatorGzip;
  }
}
console.log(
  `target (Vite): every widget ≤ 18 KB before the engine; whole flows (rules the host vouches for by their hash) have ceilings, not a target (README).`,
);
console.log(
  `Rules without the host's hash (a URL or inline without it, a policy owner's edits) add the validator: +${kb(validator)}.`,
);
console.log(`German adds ${kb(translations)} on a German page.`);

const timings = await widgetTimings(root);
console.log(
  '\nWidgets in Chromium (dev server, unbundled; cold: the first mount on a fresh page, which imports the engine; warm: median of the later mounts)',
);
if (typeof timings === 'string') console.log(timings);
else printWidgetTimings(timings);

// Delivery throughput (the email notifier against this machine's SMTP sink, webhooks): seconds.
if (!(await deliveryBenchmarks())) process.exitCode = 1;

// The outbox: commit → first delivery attempt with one and three workers, PGlite and PostgreSQL: seconds.
if (!(await outboxBenchmarks())) process.exitCode = 1;

// Last: it takes minutes (`node --import tsx scripts/bench-host.ts` runs it alone).
if (!(await hostBenchmarks())) process.exitCode = 1;
