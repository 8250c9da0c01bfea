// Who may call the host API. Kept apart from the token helpers so that the endpoint table (which
// the browser client reads) does not pull in a JWT library.

/** The roles a token may carry. */
export const ROLES = ['therapist', 'team', 'admin'] as const;
/**
 * A caller's role: a therapist acts on their own sessions, slots, facts and profile; the team reads
 * its tenant's sessions and works its team requests; an admin may do both, across the tenant.
 */
export type Role = (typeof ROLES)[number];
