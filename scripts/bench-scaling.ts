// Scaling figures for `npm run bench`: one decision as the history grows, building and deciding as
// the rules grow, and overlapping evaluations, each beside plain json-rules-engine on the same work.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Engine, Fact, type RuleProperties } from 'json-rules-engine';
import {
  createPolicy,
  deriveFacts,
  type Condition,
  type Facts,
  type HistoryEntry,
  type Policy,
} from '@raincheck/policy';
import { cancelFacts } from '../packages/policy/test/shared/sample-facts.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The same rules for plain json-rules-engine: JSONPath paths, its own default options. */
export function plainRules(policy: Policy): RuleProperties[] {
  const toJsonPath = (c: Condition): unknown =>
    'all' in c
      ? { all: c.all.map(toJsonPath) }
      : 'any' in c
        ? { any: c.any.map(toJsonPath) }
        : 'not' in c
          ? { not: toJsonPath(c.not) }
          : { ...c, ...(c.path ? { path: `$.${c.path}` } : {}) };
  return policy.rules.map((rule) => ({
    name: rule.id,
    priority: rule.priority ?? 1,
    conditions: toJsonPath(rule.conditions),
    event: rule.event,
  })) as RuleProperties[];
}

export const plainEngine = (policy: Policy): Engine => new Engine(plainRules(policy), { allowUndefinedFacts: true });

/**
 * Facts as a plain json-rules-engine user would pass them: the derived values computed from the
 * facts as given (the whole history), the window count as a fact the engine calls.
 */
export function plainFacts(facts: Facts): Record<string, unknown> {
  const derived = deriveFacts(facts);
  return {
    ...facts,
    history: facts.history ?? [],
    request: facts.request ?? {},
    hoursUntilStart: derived.hoursUntilStart,
    sessionStarted: derived.sessionStarted,
    daysUnavailable: derived.daysUnavailable,
    cancellationsInWindow: new Fact('cancellationsInWindow', (params: Record<string, unknown>) =>
      derived.cancellationsInWindow(params.days as number),
    ),
  };
}

const NOW = '2027-06-01T09:00:00+01:00';

/** A cancellation 9 days ahead, with `history`: the tests' sample facts. */
const cancellation = (history: HistoryEntry[]): Facts => cancelFacts({ history });

/** `count` earlier changes, one every 12 hours going back: a window of 90 days holds 180 of them. */
function historyOf(count: number): HistoryEntry[] {
  const nowMs = Date.parse(NOW);
  return Array.from({ length: count }, (_, i) => ({
    sessionId: `h${i}`,
    at: new Date(nowMs - (i + 1) * 43_200_000).toISOString(),
    kind: i % 3 === 0 ? 'reschedule' : 'cancel',
  }));
}

/** Median milliseconds of `run` over at least `min` runs and about `budgetMs` of running. */
async function median(run: () => unknown, { min = 5, budgetMs = 400 } = {}): Promise<number> {
  await run();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < min || performance.now() - started < budgetMs) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
    if (samples.length >= 2_000) break;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const ms = (value: number) =>
  value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`;
const num = (n: number) => n.toLocaleString('en-US');
const col = (text: string, width: number) => text.padStart(width);

/** One decision as the history grows: the default rules count 90 days back. */
export async function historyScaling(policy: Policy): Promise<void> {
  console.log('\nOne decision as the history grows (default rules, which count 90 days back; an entry every 12 h)');
  console.log(`${'history entries'.padEnd(18)}${col('policy.evaluate', 18)}${col('plain json-rules-engine', 26)}`);
  const engine = plainEngine(policy);
  for (const count of [10, 100, 1_000, 10_000, 100_000]) {
    const facts = cancellation(historyOf(count));
    const ours = await median(() => policy.evaluate(facts));
    const plain = await median(() => engine.run(plainFacts(facts)));
    console.log(`${num(count).padEnd(18)}${col(ms(ours), 18)}${col(ms(plain), 26)}`);
  }
}

const EVENTS = [
  (i: number) => ({ type: 'notify-client', params: { channels: ['email'], withinMinutes: 10 + (i % 50) } }),
  (i: number) => ({ type: 'route-to-team', params: { reason: `reason-${i % 20}` } }),
  (i: number) => ({
    type: 'frequency-warning',
    params: { level: 'info', windowDays: 30 + (i % 60), threshold: 1 + (i % 5) },
  }),
  (i: number) => ({ type: 'offer-refund', params: { percent: 50 + (i % 50), mode: 'self-serve' } }),
];

/** `count` rules over a few facts, with several event types and windows; about half fire. */
function manyRules(count: number): Record<string, unknown> {
  const rules = Array.from({ length: count }, (_, i) => ({
    id: `rule-${i}`,
    description: `Rule ${i}: {cancellationsInWindow} changes.`,
    priority: 1 + (i % 5),
    conditions: {
      all: [
        { fact: 'action', operator: 'in', value: ['cancel', 'reschedule'] },
        {
          fact: 'cancellationsInWindow',
          params: { days: 30 + (i % 60) },
          operator: 'greaterThanInclusive',
          value: i % 2,
        },
        { fact: 'hoursUntilStart', operator: 'lessThan', value: 24 * (1 + (i % 30)) },
      ],
    },
    event: EVENTS[i % EVENTS.length]!(i),
  }));
  return { 'many.json': { id: 'many', version: '1.0.0', description: 'Rules for the bench.', rules } };
}

/** Building a policy and deciding with it as the rules grow. */
export async function ruleScaling(): Promise<void> {
  console.log('\nBuilding and deciding as the rules grow (facts with 20 history entries)');
  console.log(
    `${'rules'.padEnd(10)}${col('createPolicy', 14)}${col('1st decision', 14)}${col('decision', 12)}   ${col('plain: new Engine', 18)}${col('1st run', 10)}${col('run', 10)}`,
  );
  const facts = cancellation(historyOf(20));
  for (const count of [10, 100, 1_000, 10_000, 100_000]) {
    const sources = manyRules(count);
    // Past 10,000 rules, a few runs each (one is several seconds at 100,000).
    const options = count >= 100_000 ? { min: 2, budgetMs: 0 } : count >= 10_000 ? { min: 3, budgetMs: 0 } : {};
    let policy!: Policy;
    const build = await median(() => (policy = createPolicy(sources)), options);
    // The first decision makes the pool's first Engine (every rule added to it); later ones reuse it.
    const fresh = createPolicy(sources);
    let t0 = performance.now();
    await fresh.evaluate(facts);
    const first = performance.now() - t0;
    const decide = await median(() => fresh.evaluate(facts), options);
    const rules = plainRules(policy);
    let engine!: Engine;
    const plainBuild = await median(() => (engine = new Engine(rules, { allowUndefinedFacts: true })), options);
    const prepared = () => plainFacts(facts);
    t0 = performance.now();
    await engine.run(prepared());
    const plainFirst = performance.now() - t0;
    const plainRun = await median(() => engine.run(prepared()), options);
    console.log(
      `${num(count).padEnd(10)}${col(ms(build), 14)}${col(ms(first), 14)}${col(ms(decide), 12)}   ${col(ms(plainBuild), 18)}${col(ms(plainFirst), 10)}${col(ms(plainRun), 10)}`,
    );
  }
  console.log(
    'createPolicy validates every rule; plain json-rules-engine checks nothing. A decision has every rule explained.',
  );
}

/** Runs `total` evaluations `inFlight` at a time; evaluations per second and peak heap above idle. */
async function overlapping(
  inFlight: number,
  total: number,
  evaluate: (i: number) => Promise<unknown>,
): Promise<{ perSecond: number; peakMiB: number }> {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const started = performance.now();
  for (let done = 0; done < total; done += inFlight) {
    const batch = Array.from({ length: Math.min(inFlight, total - done) }, (_, k) => evaluate(done + k));
    sample(); // every evaluation of the batch has started and holds what it allocated so far
    const timer = setInterval(sample, 1);
    await Promise.all(batch);
    clearInterval(timer);
    sample();
  }
  const elapsed = performance.now() - started;
  return { perSecond: (total / elapsed) * 1000, peakMiB: (peak - baseline) / 2 ** 20 };
}

/** Overlapping evaluations of the default rules: the policy's bounded pool against an Engine each. */
export async function overlapScaling(policy: Policy, scenarios: readonly Facts[]): Promise<void> {
  console.log(
    '\nOverlapping evaluations (default rules, the fixture scenarios; peak heap above idle while they run; the policy holds at most 8 Engines, the default)',
  );
  console.log(
    `${'in flight'.padEnd(12)}${col('policy.evaluate', 18)}${col('peak heap', 12)}   ${col('an Engine each (unbounded)', 27)}${col('peak heap', 12)}   ${col('plain: an Engine each', 24)}${col('peak heap', 12)}`,
  );
  const rules = plainRules(policy);
  const files = Object.fromEntries(policy.files.map((file) => [file.id, file]));
  const prepared = scenarios.map(plainFacts);
  for (const inFlight of [1, 10, 100, 1_000]) {
    const total = Math.max(2_000, inFlight * 2);
    const ours = await overlapping(inFlight, total, (i) => policy.evaluate(scenarios[i % scenarios.length]!));
    // The same policy with a pool as large as the calls in flight: what it did before the bound.
    const unbounded = createPolicy(files, { id: policy.id, version: policy.version, maxEngines: inFlight });
    const before = await overlapping(inFlight, total, (i) => unbounded.evaluate(scenarios[i % scenarios.length]!));
    // A plain json-rules-engine Engine cannot run overlapping evaluations (run state lives on it): one each.
    const plain = await overlapping(inFlight, total, (i) =>
      new Engine(rules, { allowUndefinedFacts: true }).run(prepared[i % prepared.length]),
    );
    console.log(
      `${num(inFlight).padEnd(12)}${col(`${num(Math.round(ours.perSecond))}/s`, 18)}${col(`${ours.peakMiB.toFixed(1)} MiB`, 12)}   ${col(`${num(Math.round(before.perSecond))}/s`, 27)}${col(`${before.peakMiB.toFixed(1)} MiB`, 12)}   ${col(`${num(Math.round(plain.perSecond))}/s`, 24)}${col(`${plain.peakMiB.toFixed(1)} MiB`, 12)}`,
    );
  }
}
