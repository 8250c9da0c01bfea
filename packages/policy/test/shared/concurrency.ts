// Shared by the Node and the Chromium tests: concurrent evaluations must decide exactly what
// sequential ones do (json-rules-engine keeps run state on the Engine).
import type { Decision, Facts } from '@raincheck/policy';
import { cancelFacts } from './sample-facts.js';

/** Cancellations and rearrangements on different days, with 0 to 5 earlier changes. */
export function varyingChanges(count: number): Facts[] {
  return Array.from({ length: count }, (_, i) =>
    cancelFacts({
      action: i % 3 === 0 ? 'reschedule' : 'cancel',
      now: `2027-06-${String(1 + (i % 10)).padStart(2, '0')}T0${i % 10}:00:00+01:00`,
      client: { id: 'cli-1', isNew: i % 4 === 0, attendedSessions: 3 },
      history: Array.from({ length: i % 6 }, (_, k) => ({
        sessionId: `h${k}`,
        at: `2027-05-0${k + 1}T10:00:00+01:00`,
        kind: 'cancel' as const,
      })),
    }),
  );
}

/**
 * Evaluates `facts` one after another, then all at once with staggered starts, so that some
 * evaluations finish while others are between priority sets.
 */
export async function sequentialAndStaggered(
  policy: { evaluate(facts: Facts): Promise<Decision> },
  facts: readonly Facts[],
): Promise<{ sequential: Decision[]; staggered: Decision[] }> {
  const sequential: Decision[] = [];
  for (const f of facts) sequential.push(await policy.evaluate(f));
  const pending: Promise<Decision>[] = [];
  for (const [i, f] of facts.entries()) {
    pending.push(policy.evaluate(f));
    for (let k = 0; k < i; k++) await Promise.resolve();
  }
  return { sequential, staggered: await Promise.all(pending) };
}
