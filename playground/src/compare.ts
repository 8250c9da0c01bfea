import type { Facts, Policy } from '@raincheck/policy';
import { diffDecisions, type DecisionChange } from '@raincheck/policy/authoring';
import { SCENARIOS, seedScenario, type ScenarioName } from '@raincheck/mock-host';

/** One situation to decide: a seeded scenario and an action a widget would take in it. */
export interface ScenarioCase {
  readonly scenario: ScenarioName;
  /** What is being done, in words: `cancel (illness)`. */
  readonly label: string;
  readonly facts: Facts;
}

/** How two rule sets decide one case. */
export interface CaseComparison {
  readonly scenario: ScenarioName;
  readonly label: string;
  readonly changes: readonly DecisionChange[];
}

const DAY = 86_400_000;

/** Every action the widgets take in every seeded scenario, as facts for the policy. */
export function scenarioCases(nowMs: number = Date.now()): ScenarioCase[] {
  const cases: ScenarioCase[] = [];
  for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
    const seed = seedScenario(scenario, nowMs);
    // What the host stores but the policy does not decide on (its facts are strict).
    const { tenant: _tenant, hiddenUntil: _notAFact, displayName: _name, ...therapist } = seed.therapists[0]!;
    const [first] = seed.sessions;
    const {
      displayName: _shown,
      timeZone: _own,
      email: _email,
      phone: _phone,
      locale: _locale,
      ...client
    } = seed.clients[0]!;
    const now = seed.now;
    const base = { now, therapist, history: seed.history[therapist.id] ?? [] };
    const add = (label: string, facts: Facts) => cases.push({ scenario, label, facts });
    if (first) {
      const { clientId: _c, therapistId: _t, ...session } = first;
      const withSession = { ...base, session, client };
      if (first.status === 'scheduled') {
        add('cancel (illness)', { ...withSession, action: 'cancel', request: { reason: 'illness' } });
        add('rearrange', { ...withSession, action: 'reschedule', request: {} });
        if (Date.parse(first.startsAt) <= nowMs) {
          add('attendance: therapist could not hold it', {
            ...withSession,
            action: 'attendance-update',
            request: { attendanceOutcome: 'therapist-unable' },
          });
        }
      } else if (first.status === 'cancelled') {
        add('refund', { ...withSession, action: 'refund', request: {} });
        add('client chooses the refund', {
          ...withSession,
          action: 'client-response',
          request: { clientPreference: 'refund' },
        });
      }
    }
    if (scenario === 'extended-absence') {
      const until = new Date(nowMs + 21 * DAY).toISOString().slice(0, 10);
      add('away three weeks', {
        ...base,
        action: 'availability-change',
        request: { unavailableFrom: now.slice(0, 10), unavailableUntil: until, certainty: 'sure' },
      });
      add('away, return not known', {
        ...base,
        action: 'availability-change',
        request: { unavailableFrom: now.slice(0, 10), certainty: 'unsure' },
      });
    }
  }
  return cases;
}

/** Decides every case with both rule sets and lists what changes, case by case. */
export async function compareRuleSets(
  before: Policy,
  after: Policy,
  cases: readonly ScenarioCase[],
): Promise<CaseComparison[]> {
  return Promise.all(
    cases.map(async ({ scenario, label, facts }) => ({
      scenario,
      label,
      changes: diffDecisions(await before.evaluate(facts), await after.evaluate(facts)),
    })),
  );
}
