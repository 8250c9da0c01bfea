import { mintToken } from '@raincheck/host-api/tokens';
import type { KitRole, SeedIds } from './types.js';
import type { Probe } from './probe.js';
import { CheckFailure, CheckSkip } from './outcomes.js';

// Putting the host into the state a check needs. With fixtures (the Pact idea of provider states):
// a fresh practice per scenario through `POST /_fixtures/scenario`. Without: the documented seed
// the partner loaded, which checks may read but never change.

/** The mock host's scenarios, which fixtures endpoints take by name. */
export type ScenarioName =
  'ordinary-cancellation' | 'already-started' | 'new-client-refund' | 'client-offer' | 'team-queue';

/** One practice in one scenario, as a check uses it. */
export interface Practice {
  /** True for a fresh practice of its own: the check may change it. */
  readonly fresh: boolean;
  readonly therapistId: string;
  /** The scenario's sessions, the first one first. */
  readonly sessionIds: readonly string[];
  /** Offer links' tokens by name (`client-offer`: `open`, `expired`, `answered`). */
  readonly offerTokens: Readonly<Record<string, string>>;
  /** A bearer token for someone of this practice (or, for `other-tenant-*`, of another one). */
  token(role: KitRole): Promise<string>;
}

/** How the host is put into states. */
export interface HostSetup {
  readonly kind: 'fixtures' | 'seed';
  /** A practice in `scenario`: a fresh one (fixtures), or the seed's (its one scenario, else a skip). */
  practice(scenario: ScenarioName, probe: Probe): Promise<Practice>;
  /** Why the host is not in the state the run needs (a damaged seed), or undefined when it is. */
  verify(probe: Probe): Promise<string | undefined>;
}

/** What `POST /_fixtures/scenario` answers (the reference host's `FixtureAnswer`). */
interface FixtureAnswer {
  readonly tenant: string;
  readonly ids: { readonly therapist: string; readonly sessions: readonly string[] };
  readonly tokens: { readonly therapist: string; readonly team: string; readonly admin: string };
  readonly subjects?: { readonly therapist: string; readonly team: string; readonly admin: string };
  readonly offerTokens: Readonly<Record<string, string>>;
}

function isFixtureAnswer(value: unknown): value is FixtureAnswer {
  const answer = value as Partial<FixtureAnswer> | null;
  return (
    typeof answer?.tenant === 'string' &&
    Array.isArray(answer.ids?.sessions) &&
    typeof answer.ids.therapist === 'string' &&
    typeof answer.tokens?.therapist === 'string' &&
    typeof answer.tokens.team === 'string' &&
    typeof answer.tokens.admin === 'string'
  );
}

/** A subject no practice has: a therapist of the practice who holds none of its sessions. */
const INTRUDER = 'conformance-other-therapist';

/**
 * Fixtures: every practice is new, in its own tenant. `clockMoves` counts the test clock's moves:
 * after one, the practice's tokens may have expired on the host's clock, so fresh ones are minted
 * through `POST /_fixtures/token`.
 */
export function fixturesSetup(clockMoves: () => number): HostSetup {
  const freshToken = async (
    probe: Probe,
    tenant: string,
    subject: string,
    role: 'therapist' | 'team' | 'admin',
  ): Promise<string> => {
    const minted = await probe.send({ method: 'POST', path: '/_fixtures/token', body: { tenant, subject, role } });
    const token = (minted.json as { token?: unknown } | undefined)?.token;
    if (minted.status !== 200 || typeof token !== 'string')
      throw new CheckFailure(
        `POST /_fixtures/token answered ${minted.status}, expected 200 with { token } for ${role} ${subject} of ${tenant}`,
      );
    return token;
  };
  /** A token of a practice's people: the one the fixture gave, or a fresh one once the clock moved. */
  const tokenOf = (
    probe: Probe,
    made: FixtureAnswer,
    moves: number,
    role: 'therapist' | 'team' | 'admin',
  ): Promise<string> =>
    clockMoves() === moves || !made.subjects
      ? Promise.resolve(made.tokens[role])
      : freshToken(probe, made.tenant, made.subjects[role], role);
  const create = async (scenario: ScenarioName, probe: Probe): Promise<FixtureAnswer> => {
    const answer = await probe.send({
      method: 'POST',
      path: '/_fixtures/scenario',
      body: { scenario, namespace: 'conformance' },
    });
    if (answer.status !== 200 || !isFixtureAnswer(answer.json)) {
      throw new CheckFailure(
        `The fixtures endpoint did not set up scenario "${scenario}": POST /_fixtures/scenario answered ${answer.status}, expected 200 with { tenant, ids, tokens, offerTokens } (${answer.text.slice(0, 160)})`,
      );
    }
    return answer.json;
  };
  return {
    kind: 'fixtures',
    verify: () => Promise.resolve(undefined),
    practice: async (scenario, probe) => {
      const made = await create(scenario, probe);
      const moves = clockMoves();
      let other: Promise<FixtureAnswer> | undefined;
      const otherPractice = () => (other ??= create('ordinary-cancellation', probe));
      return {
        fresh: true,
        therapistId: made.ids.therapist,
        sessionIds: made.ids.sessions,
        offerTokens: made.offerTokens ?? {},
        token: async (role) => {
          if (role === 'therapist' || role === 'team' || role === 'admin') return tokenOf(probe, made, moves, role);
          if (role === 'other-tenant-therapist') return tokenOf(probe, await otherPractice(), moves, 'therapist');
          if (role === 'other-tenant-team') return tokenOf(probe, await otherPractice(), moves, 'team');
          return freshToken(probe, made.tenant, INTRUDER, 'therapist');
        },
      };
    },
  };
}

/**
 * The documented seed's people: tenant `practice-a` (therapist `th-ana`, who holds the sessions;
 * `th-omar`, who holds none; the team `team-zoe`; the admin `admin-ida`) and tenant `practice-b`
 * (therapist `th-lee`, team `team-kai`).
 */
export const SEED_IDENTITIES: Readonly<
  Record<KitRole, { readonly tenant: string; readonly subject: string; readonly role: 'therapist' | 'team' | 'admin' }>
> = {
  therapist: { tenant: 'practice-a', subject: 'th-ana', role: 'therapist' },
  'other-therapist': { tenant: 'practice-a', subject: 'th-omar', role: 'therapist' },
  team: { tenant: 'practice-a', subject: 'team-zoe', role: 'team' },
  admin: { tenant: 'practice-a', subject: 'admin-ida', role: 'admin' },
  'other-tenant-therapist': { tenant: 'practice-b', subject: 'th-lee', role: 'therapist' },
  'other-tenant-team': { tenant: 'practice-b', subject: 'team-kai', role: 'team' },
};

/** The documented seed: read-only, tokens given or minted with the tenants' shared secret. */
export function seedSetup(options: {
  readonly tokens?: Partial<Readonly<Record<KitRole, string>>>;
  readonly tokenSecret?: string;
  readonly seed?: SeedIds;
}): HostSetup {
  const token = async (role: KitRole): Promise<string> => {
    const given = options.tokens?.[role];
    if (given) return given;
    if (options.tokenSecret)
      return mintToken({ ...SEED_IDENTITIES[role], secret: options.tokenSecret, ttlSeconds: 600 });
    throw new CheckSkip(`no token for ${role}: pass --token-for ${role}=TOKEN or --token-secret`);
  };
  const sessionId = options.seed?.sessionId ?? 'ses-1';
  return {
    kind: 'seed',
    // An earlier run against a host that applied a write the kit expected refused may have changed
    // the seed: checks on a changed seed would skip or pass on the wrong state, so the run refuses it.
    verify: async (probe) => {
      const therapist = await token('therapist').catch(() => undefined);
      if (!therapist) return undefined;
      const answer = await probe.send({
        method: 'GET',
        path: `/sessions/${encodeURIComponent(sessionId)}`,
        token: therapist,
      });
      const status = (answer.json as { session?: { status?: unknown } } | undefined)?.session?.status;
      if (answer.status === 200 && status !== 'scheduled') {
        return `the documented seed is not as loaded: session ${sessionId} is ${JSON.stringify(status)}, not "scheduled" (a write was applied to it); load the seed again before running the kit`;
      }
      return undefined;
    },
    practice: (scenario) => {
      if (scenario !== 'ordinary-cancellation')
        return Promise.reject(new CheckSkip(`needs scenario "${scenario}", which only --fixtures sets up`));
      return Promise.resolve({
        fresh: false,
        therapistId: options.seed?.therapistId ?? 'th-ana',
        sessionIds: [sessionId],
        offerTokens: {},
        token,
      });
    },
  };
}
