// The signature on every webhook Raincheck sends, and its check on the partner's side:
//   Raincheck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${raw body}` with the webhook's secret>
// The timestamp is signed with the body, so a captured request cannot be replayed later than the
// receiver's tolerance; the row id, signed as the body's `id` (and echoed in Idempotency-Key, which
// must agree), lets it drop a repeat inside it.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the timestamp and signature. */
export const SIGNATURE_HEADER = 'Raincheck-Signature';
/** The header carrying the outbox row id: the same on every attempt of one delivery. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How old (or how far ahead) a signature's timestamp may be by default: five minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const bytesOf = (body: string | Uint8Array) =>
  typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);

function hmacHex(secret: string, timestamp: number, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(bytesOf(body)).digest('hex');
}

/** The `Raincheck-Signature` value for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string | Uint8Array, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/** Why a webhook was not accepted. */
export type WebhookRejection = 'missing' | 'malformed' | 'stale' | 'mismatch';

/** A webhook that is not provably from Raincheck, now: answer it 400 (or 401) and do nothing. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookRejection,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** Request headers as Node (`req.headers`, lower-case keys), the Fetch API (`Headers`) or a plain record give them. */
export type WebhookHeaders = Headers | { readonly [name: string]: string | readonly string[] | undefined };

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as { readonly [name: string]: string | readonly string[] | undefined };
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : value?.join(',');
}

/** What a verified webhook carries besides its body. */
export interface VerifiedWebhook {
  /** When Raincheck signed it (unix seconds). */
  readonly timestamp: number;
  /** The outbox row id, read from the signed body (`id`): store it and ignore a second request with the same key. */
  readonly idempotencyKey?: string;
}

/**
 * Checks a webhook from Raincheck on the receiving side: the signature over the **raw** body (before
 * any JSON parsing) with the webhook's secret, compared in constant time, and the timestamp within
 * `toleranceSeconds` (default 300) of now. Pass several secrets while rotating one. Throws a
 * {@link WebhookVerificationError} saying whether the signature is missing, malformed, stale or wrong.
 *
 * @example
 * ```ts
 * import { verifyWebhook } from '@raincheck/host/webhooks';
 * const { idempotencyKey } = verifyWebhook(process.env.RAINCHECK_WEBHOOK_SECRET!, req.headers, rawBody);
 * ```
 */
export function verifyWebhook(
  secret: string | readonly string[],
  headers: WebhookHeaders,
  body: string | Uint8Array,
  options: { readonly toleranceSeconds?: number; readonly now?: Date } = {},
): VerifiedWebhook {
  const value = header(headers, SIGNATURE_HEADER);
  if (value === undefined || value.trim() === '')
    throw new WebhookVerificationError(
      'missing',
      `No ${SIGNATURE_HEADER} header: the request is not from Raincheck, or a proxy dropped the header`,
    );
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const [key, item] = part.trim().split('=', 2) as [string, string | undefined];
    if (key === 't' && item !== undefined && /^\d+$/.test(item)) timestamp = Number(item);
    else if (key === 'v1' && item !== undefined && /^[0-9a-f]{64}$/.test(item)) signatures.push(item);
  }
  if (timestamp === undefined || signatures.length === 0)
    throw new WebhookVerificationError(
      'malformed',
      `${SIGNATURE_HEADER} "${value}" is not t=<unix seconds>,v1=<64 hex digits>`,
    );
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = Math.floor((options.now ?? new Date()).getTime() / 1000) - timestamp;
  if (Math.abs(age) > tolerance) {
    throw new WebhookVerificationError(
      'stale',
      `${SIGNATURE_HEADER} was made ${age > 0 ? `${age} s ago` : `${-age} s in the future`}, outside the tolerance of ${tolerance} s (a replay, or a clock that is off)`,
    );
  }
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secrets.length === 0 || secrets.some((s) => s === ''))
    throw new TypeError('verifyWebhook: give the webhook secret (a non-empty string)');
  const matches = secrets.some((candidate) => {
    const expected = Buffer.from(hmacHex(candidate, timestamp, body), 'hex');
    // Every candidate is compared (no early exit), each in constant time.
    return signatures.map((signature) => timingSafeEqual(expected, Buffer.from(signature, 'hex'))).includes(true);
  });
  if (!matches)
    throw new WebhookVerificationError(
      'mismatch',
      `${SIGNATURE_HEADER} does not match the body: a wrong secret, or the body was changed (verify the raw bytes, before parsing)`,
    );
  // The key is read from the signed body, never from the header alone: a captured request resent
  // under another Idempotency-Key would otherwise pass the receiver's dedup and be acted on twice.
  const idempotencyKey = signedIdOf(body);
  const claimed = header(headers, IDEMPOTENCY_HEADER);
  if (claimed !== undefined && claimed !== idempotencyKey) {
    throw new WebhookVerificationError(
      'mismatch',
      `${IDEMPOTENCY_HEADER} "${claimed}" is not the signed body's id${idempotencyKey === undefined ? ' (the body has none)' : ` "${idempotencyKey}"`}: the header was changed (a replay under another key)`,
    );
  }
  return idempotencyKey === undefined ? { timestamp } : { timestamp, idempotencyKey };
}

/** The JSON body's `id` (the outbox row id Raincheck signed), if it has one. */
function signedIdOf(body: string | Uint8Array): string | undefined {
  try {
    const parsed: unknown = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
    return typeof parsed === 'object' && parsed !== null && 'id' in parsed && typeof parsed.id === 'string'
      ? parsed.id
      : undefined;
  } catch {
    return undefined;
  }
}
