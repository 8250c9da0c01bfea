// The policy's decision for one bench cancel, alone: the same policy the reference host builds
// (the default rules) and the facts the host gathers for it (policy-gate's `decide`), without HTTP,
// SQL or a transaction around it. The share of a cancel's latency that is the decision itself.
import { performance } from 'node:perf_hooks';
import { createPolicy, type Facts } from '@raincheck/policy';
import { defaultRuleFiles, DEFAULT_POLICY } from '@raincheck/policy/rules';
import { benchSeed } from './bench-host-server.js';

/** p50 / p99 of `iterations` cancel decisions, ms, after a warm-up of as many. */
export async function decisionTiming(
  now: number,
  iterations = 2_000,
): Promise<{ iterations: number; p50: number; p99: number }> {
  const policy = createPolicy(defaultRuleFiles, DEFAULT_POLICY);
  const seed = benchSeed(1, now);
  const session = seed.sessions[0]!;
  const client = seed.clients[0]!;
  const { hiddenUntil: _hidden, tenant: _tenant, displayName: _name, ...therapist } = seed.therapists[0]!;
  const facts: Facts = {
    action: 'cancel',
    now: new Date(now).toISOString(),
    session: {
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      status: session.status,
      price: session.price,
      version: session.version,
    },
    client: { id: client.id, isNew: client.isNew, attendedSessions: client.attendedSessions },
    therapist,
    history: [],
    request: { reason: 'illness', note: 'A fever since last night.' },
  };
  const first = await policy.evaluate(facts);
  if (first.outcome !== 'allowed') throw new Error(`bench-decision: the bench cancel is ${first.outcome}, not allowed`);
  for (let i = 0; i < iterations; i++) await policy.evaluate(facts);
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await policy.evaluate(facts);
    samples[i] = performance.now() - t0;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(iterations - 1, Math.floor(q * iterations))]!;
  return { iterations, p50: at(0.5), p99: at(0.99) };
}
