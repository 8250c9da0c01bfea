import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';
import { DeliveryError, type DeliveryReceipt } from './types.js';

/** Where and how a signed webhook is sent. */
export interface SignedWebhookTarget {
  readonly url: URL;
  readonly secret: string;
  /** How long one attempt may take, in milliseconds. */
  readonly timeoutMs: number;
  /** The clock for the signature's timestamp (a test clock in fixtures mode). */
  readonly now?: () => Date;
}

/** 408 (timeout) and 429 (rate limit) say "later"; so does any 5xx. */
const isRetryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** The longest wait a `Retry-After` may ask for; beyond it the worker's own backoff decides. */
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** `Retry-After: 120` or an HTTP date → milliseconds from now, if the answer gave a usable one. */
function retryAfterMs(response: Response, now: Date): number | undefined {
  const value = response.headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now.getTime();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

async function providerIdOf(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string'
      ? body.id
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * POSTs a JSON body signed with the target's secret and the row id as `Idempotency-Key`. 2xx is
 * delivered (the answer's JSON `id`, if any, is the provider's id); 408, 429, 5xx, a network failure
 * or a timeout are retryable {@link DeliveryError}s; any other answer (4xx, a redirect) is not.
 */
export async function postSigned(
  target: SignedWebhookTarget,
  body: object,
  idempotencyKey: string,
  signal: AbortSignal,
): Promise<DeliveryReceipt> {
  const json = JSON.stringify(body);
  const timestamp = Math.floor((target.now?.() ?? new Date()).getTime() / 1000);
  const where = `${target.url.origin}${target.url.pathname}`;
  const timeout = AbortSignal.timeout(target.timeoutMs);
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'raincheck-host',
        [SIGNATURE_HEADER]: signWebhook(target.secret, json, timestamp),
        [IDEMPOTENCY_HEADER]: idempotencyKey,
      },
      body: json,
      // A redirected POST would be resent as a GET without its body: point the URL at the final address instead.
      redirect: 'manual',
      signal: AbortSignal.any([signal, timeout]),
    });
  } catch (error) {
    if (timeout.aborted)
      throw new DeliveryError(`Webhook ${where} did not answer within ${target.timeoutMs} ms`, true, { cause: error });
    if (signal.aborted) throw new DeliveryError(`Webhook ${where}: the attempt was stopped`, true, { cause: error });
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new DeliveryError(`Webhook ${where} could not be reached: ${cause}`, true, { cause: error });
  }
  if (response.status >= 200 && response.status < 300) {
    const providerId = await providerIdOf(response);
    return providerId === undefined ? {} : { providerId };
  }
  const detail = (await response.text().catch(() => '')).slice(0, 200);
  if (response.status >= 300 && response.status < 400) {
    throw new DeliveryError(
      `Webhook ${where} answered ${response.status}, a redirect to ${response.headers.get('location') ?? 'nowhere'}: configure the final URL`,
      false,
    );
  }
  const wait = isRetryableStatus(response.status) ? retryAfterMs(response, target.now?.() ?? new Date()) : undefined;
  // The body (the partner's words) goes to the team only; the history keeps the status.
  throw new DeliveryError(`Webhook ${where} answered ${response.status}`, isRetryableStatus(response.status), {
    ...(wait === undefined ? {} : { retryAfterMs: wait }),
    ...(detail ? { providerDetail: detail } : {}),
  });
}
