import type { MockIdentity } from '@raincheck/mock-host';
import type { PlaygroundBackend, ScenarioView } from './backend.js';

/** What the reference host's `POST /_fixtures/scenario` answers (`FixtureAnswer` of @raincheck/host). */
interface FixtureAnswer {
  readonly tenant: string;
  readonly ids: { readonly therapist: string; readonly sessions: readonly string[] };
  readonly tokens: Readonly<Record<'therapist' | 'team' | 'admin', string>>;
  readonly subjects: Readonly<Record<'therapist' | 'team' | 'admin', string>>;
  readonly offerTokens: Readonly<Record<string, string>>;
}

/** Whether a reference host answers at `baseUrl` (its health check's `{ ok: true }`, within a second and a half). */
export async function referenceHostAnswers(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('healthz', `${baseUrl}/`), { signal: AbortSignal.timeout(1_500) });
    // The host's own answer, not a static server's page for any path.
    return response.ok && ((await response.json()) as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}

const ROLE_OF: Record<MockIdentity, 'therapist' | 'team' | 'admin'> = {
  therapist: 'therapist',
  'other-therapist': 'therapist',
  team: 'team',
  admin: 'admin',
  'other-tenant-therapist': 'therapist',
  'other-tenant-team': 'team',
};

/**
 * The reference host as a backend. Each scenario is a fresh demo practice of this tab's (its
 * development fixtures endpoint), so tabs never disturb each other; tokens come with it.
 */
export function referenceBackend(baseUrl: string, namespace: string): PlaygroundBackend {
  let practice: FixtureAnswer | undefined;
  const post = async <T>(path: string, body: unknown, token?: string, method = 'POST'): Promise<T> => {
    const response = await fetch(new URL(path, `${baseUrl}/`), {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() } : {}),
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as T & { error?: { message: string } };
    if (!response.ok)
      throw new Error(`The reference host refused ${path}: ${answer.error?.message ?? response.status}`);
    return answer;
  };
  const current = () => {
    if (!practice) throw new Error('No scenario is in place on the reference host yet.');
    return practice;
  };
  let revision = 0;
  return {
    kind: 'reference',
    baseUrl,
    get view(): ScenarioView {
      if (!practice) return { sessions: [], offerTokens: {}, therapistId: '' };
      const prefix = `${practice.ids.therapist.split('.')[0]}.`;
      return {
        sessions: practice.ids.sessions.map((id) => ({
          id,
          name: id.startsWith(prefix) ? id.slice(prefix.length) : id,
        })),
        offerTokens: practice.offerTokens,
        therapistId: practice.ids.therapist,
      };
    },
    reset: async (scenario, tweaks) => {
      practice = await post<FixtureAnswer>('_fixtures/scenario', { scenario, namespace, tweaks });
    },
    token: async (who, refresh) => {
      const { tokens, subjects, tenant } = current();
      const role = ROLE_OF[who];
      if (!refresh) return tokens[role];
      return (await post<{ token: string }>('_fixtures/token', { tenant, subject: subjects[role], role })).token;
    },
    setRules: async (files) => {
      // Each edit is a new version of this practice's own policy, published as its admin would.
      await post(
        'policy/rules',
        { id: 'playground', version: `edit-${++revision}`, files },
        current().tokens.admin,
        'PUT',
      );
    },
  };
}
