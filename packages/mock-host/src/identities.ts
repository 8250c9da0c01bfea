import type { Role } from '@raincheck/host-api';

// Who may call the mock host: two practices (tenants), each with its own signing secret, and the
// people in them that tests and the playground act as. Tokens are real JWTs, verified like a real
// host's, so the widgets' token handling is exercised end to end.

/** The mock tenants' HS256 secrets, by tenant: public test values, never a real deployment's. */
export const MOCK_TENANT_SECRETS: Readonly<Record<string, string>> = {
  'practice-a': 'raincheck-mock-host-secret-of-practice-a',
  'practice-b': 'raincheck-mock-host-secret-of-practice-b',
};

/** The people a scenario knows, by who they are to it. */
export const MOCK_IDENTITIES = {
  /** The scenario's therapist: every scenario's sessions are hers. */
  therapist: { tenant: 'practice-a', subject: 'th-ana', role: 'therapist' },
  /** Another therapist of the same practice, with no sessions of the scenario's. */
  'other-therapist': { tenant: 'practice-a', subject: 'th-omar', role: 'therapist' },
  /** The practice's platform team. */
  team: { tenant: 'practice-a', subject: 'team-zoe', role: 'team' },
  /** The practice's admin. */
  admin: { tenant: 'practice-a', subject: 'admin-ida', role: 'admin' },
  /** A therapist of another practice. */
  'other-tenant-therapist': { tenant: 'practice-b', subject: 'th-lee', role: 'therapist' },
  /** Another practice's team. */
  'other-tenant-team': { tenant: 'practice-b', subject: 'team-kai', role: 'team' },
} as const satisfies Record<string, { readonly tenant: string; readonly subject: string; readonly role: Role }>;

/** Who to act as: a key of {@link MOCK_IDENTITIES}. */
export type MockIdentity = keyof typeof MOCK_IDENTITIES;
