import { canonicalJson } from '@raincheck/policy';
import type { Caller } from './access.js';
import { HttpError } from './http-error.js';
import { base64url, fromBase64url, offerTokenHash, sha256 } from './offer-token.js';

/** How long an idempotency key is remembered unless told otherwise: 24 hours. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Where a key is remembered: per tenant and caller (or, on an offer link, per offer) and endpoint,
 * so one caller's key never replays, or collides with, another caller's request. Stored as a
 * SHA-256: the key itself, which also seals the answer ({@link sealAnswer}), is never stored.
 */
export async function idempotencyScope(
  endpoint: string,
  key: string,
  caller: Caller | null,
  params: Readonly<Record<string, string>>,
): Promise<string> {
  const who = caller ? ['caller', caller.tenant, caller.subject] : ['offer', await offerTokenHash(params.token ?? '')];
  return sha256(JSON.stringify([...who, endpoint, key]));
}

/** The AES-GCM key that seals one remembered answer: derived from the idempotency key, which only the caller has. */
async function answerKey(idempotencyKey: string, scope: string): Promise<CryptoKey> {
  const material = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`raincheck-answer\u0000${scope}\u0000${idempotencyKey}`),
  );
  return crypto.subtle.importKey('raw', material, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * Seals a remembered answer's body. It may hold what must not sit readable in the database (a new
 * offer link's token): sealed with a key only the caller's retry can derive, a copy of the store
 * gives no one a working link.
 */
export async function sealAnswer(body: string, idempotencyKey: string, scope: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await answerKey(idempotencyKey, scope),
    new TextEncoder().encode(body),
  );
  return `v1.${base64url(iv)}.${base64url(new Uint8Array(sealed))}`;
}

/** Opens a body {@link sealAnswer} sealed with the same key. */
export async function openAnswer(sealed: string, idempotencyKey: string, scope: string): Promise<string> {
  const [, iv, data] = sealed.split('.');
  const opened = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64url(iv!) },
    await answerKey(idempotencyKey, scope),
    fromBase64url(data!),
  );
  return new TextDecoder().decode(opened);
}

/**
 * A stable fingerprint of a write, to recognise a repeated key's request. JSON that the canonical
 * form refuses (nested past its depth limit) is the caller's mistake: a 400, not a crash.
 */
export function fingerprintOf(
  params: Readonly<Record<string, string>>,
  body: unknown,
  ifMatch: string | null = null,
): string {
  try {
    return canonicalJson({ params, body: body ?? null, ifMatch });
  } catch (error) {
    throw new HttpError(
      400,
      'invalid-request',
      `The body cannot be read as a request: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
