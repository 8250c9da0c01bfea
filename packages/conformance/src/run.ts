import type { CheckContext, CheckDefinition } from './check.js';
import { allChecks } from './checks/index.js';
import { CheckFailure, CheckSkip } from './outcomes.js';
import { Probe, type ContractViolation } from './probe.js';
import { fixturesSetup, seedSetup, type HostSetup } from './setup.js';
import { GROUPS, type CheckResult, type ConformanceOptions, type ConformanceReport } from './types.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/** The test clock, as far as the kit moved it. */
interface KitClock {
  offsetMs: number;
  moves: number;
}

async function advance(probe: Probe, setup: HostSetup, clock: KitClock, minutes: number): Promise<void> {
  if (setup.kind !== 'fixtures')
    throw new CheckSkip('needs --fixtures and a host with a test clock (POST /_fixtures/clock)');
  const answer = await probe.send({ method: 'POST', path: '/_fixtures/clock', body: { advanceMinutes: minutes } });
  if (answer.status === 404)
    throw new CheckSkip(
      'the host has no test clock: POST /_fixtures/clock answered 404, so waiting would take too long',
    );
  const now = (answer.json as { now?: unknown } | undefined)?.now;
  if (answer.status !== 200 || typeof now !== 'string' || !Number.isFinite(Date.parse(now))) {
    throw new CheckFailure(
      `POST /_fixtures/clock { advanceMinutes: ${minutes} } answered ${answer.status}, expected 200 { now: "<ISO instant>" }`,
    );
  }
  clock.offsetMs = Date.parse(now) - Date.now();
  clock.moves++;
}

/** Why the host cannot be reached at all (one sentence for every check), or undefined when it answers. */
async function reachability(baseUrl: string, fetcher: typeof fetch, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await fetcher(new Request(`${baseUrl}/policy/rules`, { signal: AbortSignal.timeout(timeoutMs) }));
    // It answered: that is all this asks (a body that breaks off is for the checks to report).
    await response.arrayBuffer().catch(() => undefined);
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why = typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : String(error);
    return `the host at ${baseUrl} could not be reached (GET ${baseUrl}/policy/rules: ${why}): is it running, and is --base-url right?`;
  }
}

/**
 * Learns where the host's test clock stands (an earlier run may have moved it), so the kit's dates
 * (slot ranges, the facts a widget decides on) are the host's. No test clock: the real time.
 */
async function syncClock(probe: Probe, clock: KitClock): Promise<void> {
  try {
    const answer = await probe.send({ method: 'POST', path: '/_fixtures/clock', body: { advanceMinutes: 0 } });
    const now = (answer.json as { now?: unknown } | undefined)?.now;
    if (answer.status === 200 && typeof now === 'string' && Number.isFinite(Date.parse(now)))
      clock.offsetMs = Date.parse(now) - Date.now();
  } catch {
    // The checks will each say the host cannot be reached.
  }
}

/** Runs one check, turning how it ended into a result. */
async function runCheck(check: CheckDefinition, context: CheckContext): Promise<Omit<CheckResult, 'durationMs'>> {
  const base = { id: check.id, group: check.group, title: check.title };
  try {
    await check.run(context);
    return { ...base, status: 'pass' };
  } catch (error) {
    if (error instanceof CheckSkip) return { ...base, status: 'skip', message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      status: 'fail',
      message: error instanceof CheckFailure ? message : `the check could not finish: ${message}`,
      transcript: [...context.probe.transcript],
    };
  }
}

/**
 * Runs the conformance checks against the host at `baseUrl` and reports each: pass, fail (with
 * what is wrong) or skip (with why). Checks run one after another; a check's own trouble (a
 * network error, a timeout) is its failure, never the run's.
 * @throws TypeError when `baseUrl` is not an http(s) URL.
 * @throws RangeError when an `only` prefix matches no check's id.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl))
    throw new TypeError(`runConformance: baseUrl must be an http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  const fetcher = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clock: KitClock = { offsetMs: 0, moves: 0 };
  const setup = options.fixtures ? fixturesSetup(() => clock.moves) : seedSetup(options);
  const expected = new Map((options.expectedFailures ?? []).map((e) => [e.id, e.reason]));
  const violations: ContractViolation[] = [];
  const only = options.only;
  const known = allChecks(options);
  const unknown = (only ?? []).filter((prefix) => !known.some((c) => c.id.startsWith(prefix)));
  if (unknown.length > 0)
    throw new RangeError(
      `runConformance: no check's id starts with ${unknown.map((p) => JSON.stringify(p)).join(', ')} (the ids: ${known.map((c) => c.id).join(', ')})`,
    );
  const checks = known.filter((c) => !only || only.some((prefix) => c.id.startsWith(prefix)));
  const startedAt = new Date().toISOString();
  const unreachable = await reachability(baseUrl, fetcher, timeoutMs);
  if (setup.kind === 'fixtures') await syncClock(new Probe(baseUrl, fetcher, timeoutMs, 'setup', violations), clock);
  const damaged = unreachable ?? (await setup.verify(new Probe(baseUrl, fetcher, timeoutMs, 'setup', violations)));
  const results: CheckResult[] = [];
  const probes: Probe[] = [];
  for (const check of checks) {
    const probe = new Probe(baseUrl, fetcher, timeoutMs, check.id, violations);
    const context: CheckContext = {
      probe,
      violations,
      practice: (scenario) => setup.practice(scenario, probe),
      requestsSoFar: () => probes.reduce((sum, p) => sum + p.transcript.length, 0),
      freshPractice: (scenario, why = 'changes data') => {
        if (setup.kind !== 'fixtures')
          return Promise.reject(new CheckSkip(`${why}, so it runs only with --fixtures (a fresh tenant per scenario)`));
        return setup.practice(scenario, probe);
      },
      advanceClock: (minutes) => advance(probe, setup, clock, minutes),
      now: () => Date.now() + clock.offsetMs,
    };
    const started = performance.now();
    const outcome: Omit<CheckResult, 'durationMs'> = damaged
      ? { id: check.id, group: check.group, title: check.title, status: 'fail', message: damaged }
      : await runCheck(check, context);
    probes.push(probe);
    const because = expected.get(check.id);
    const result: CheckResult = {
      ...outcome,
      ...(outcome.status === 'fail' && because !== undefined
        ? { status: 'expected-failure', expectedBecause: because }
        : {}),
      ...(outcome.status === 'pass' && because !== undefined
        ? { message: `passes now, though the expected-failures file lists it (${because}): remove it from the file` }
        : {}),
      durationMs: Math.round(performance.now() - started),
    };
    results.push(result);
    options.onResult?.(result);
  }
  results.sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group));
  const count = (status: CheckResult['status']) => results.filter((r) => r.status === status).length;
  const summary = {
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    expectedFailures: count('expected-failure'),
    passingExpected: results.filter((r) => r.status === 'pass' && expected.has(r.id)).length,
  };
  return { baseUrl, setup: setup.kind, startedAt, results, summary, ok: summary.failed === 0 };
}
