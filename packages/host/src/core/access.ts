import type { EndpointDefinition, Role } from '@raincheck/host-api';
import { HttpError } from './http-error.js';
import type { StoredTherapist } from './store.js';

/** Each role as a sentence names it. */
const ROLE_NAMES: Readonly<Record<Role, string>> = {
  therapist: 'a therapist',
  team: 'the platform team',
  admin: 'an admin',
};

/** Who is calling, as their verified token says. */
export interface Caller {
  readonly tenant: string;
  readonly subject: string;
  readonly role: Role;
}

/**
 * Says who an `Authorization` header's token belongs to, or throws. The reference host verifies
 * JWTs with `verifyToken`; any error with a `code` (a `TokenError`) is answered 401 with that code.
 */
export type Authenticate = (authorization: string | null) => Promise<Caller>;

/** Who an endpoint's caller is: the token's identity (401 when there is none), or `null` on an offer link. */
export async function callerOf(
  definition: EndpointDefinition,
  authorization: string | null,
  authenticate: Authenticate,
): Promise<Caller | null> {
  const { access } = definition;
  if (access.kind === 'offer-link') return null;
  let caller: Caller;
  try {
    caller = await authenticate(authorization);
  } catch (error) {
    // Only a refused token is the caller's problem (401, and the client asks for a fresh one); any
    // other failure is the host's own, a 500.
    const code = (error as { code?: unknown } | null)?.code;
    if (!(error instanceof Error) || typeof code !== 'string') throw error;
    throw new HttpError(401, `token-${code}`, error.message);
  }
  return caller;
}

/**
 * Refuses a caller whose role the endpoint does not take. Checked inside the write's transaction,
 * so a refused write is audited with who tried it.
 */
export function requireRole(definition: EndpointDefinition, caller: Caller | null): void {
  const { access } = definition;
  if (access.kind === 'bearer' && caller && !access.roles.includes(caller.role)) {
    throw new HttpError(
      403,
      'forbidden',
      `This is for ${access.roles.map((role) => ROLE_NAMES[role]).join(' or ')}; you are signed in as ${ROLE_NAMES[caller.role]}.`,
    );
  }
}

/**
 * Refuses a caller who may not touch this therapist's sessions, slots, facts or profile: anyone of
 * another tenant, and a therapist other than this one.
 */
export function requireTherapistAccess(caller: Caller, therapist: StoredTherapist): void {
  if (caller.tenant !== therapist.tenant) throw new HttpError(403, 'forbidden', 'This belongs to another practice.');
  if (caller.role === 'therapist' && caller.subject !== therapist.id) {
    throw new HttpError(
      403,
      'forbidden',
      "This is another therapist's; you may act only on your own sessions and profile.",
    );
  }
}

/** Refuses a caller of another tenant. */
export function requireTenant(caller: Caller, tenant: string): void {
  if (caller.tenant !== tenant) throw new HttpError(403, 'forbidden', 'This belongs to another practice.');
}
