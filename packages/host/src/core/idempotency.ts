import { canonicalJson } from '@raincheck/policy';
import type { Caller } from './access.js';
import { HttpError } from './http-error.js';
import { offerTokenHash } from './offer-token.js';

/** How long an idempotency key is remembered unless told otherwise: 24 hours. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Where a key is remembered: per tenant and caller (or, on an offer link, per offer) and endpoint,
 * so one caller's key never replays, or collides with, another caller's request.
 */
export async function idempotencyScope(endpoint: string, key: string, caller: Caller | null, params: Readonly<Record<string, string>>): Promise<string> {
  const who = caller ? ['caller', caller.tenant, caller.subject] : ['offer', await offerTokenHash(params.token ?? '')];
  return JSON.stringify([...who, endpoint, key]);
}

/**
 * A stable fingerprint of a write, to recognise a repeated key's request. JSON that the canonical
 * form refuses (nested past its depth limit) is the caller's mistake: a 400, not a crash.
 */
export function fingerprintOf(params: Readonly<Record<string, string>>, body: unknown): string {
  try {
    return canonicalJson({ params, body: body ?? null });
  } catch (error) {
    throw new HttpError(400, 'invalid-request', `The body cannot be read as a request: ${error instanceof Error ? error.message : String(error)}`);
  }
}
