import { errorResponse, HttpError } from '@raincheck/host/core';

/** A misbehaviour to inject into one endpoint's next answers. */
export interface Fault {
  /** Wait this long before answering. */
  readonly latencyMs?: number;
  /** Answer with this status (500, 503, 429 …) and an error body, without doing anything. */
  readonly status?: number;
  /** Sent as Retry-After with a 429 or 503. */
  readonly retryAfterSeconds?: number;
  /** Never answer (until the request is aborted). */
  readonly timeout?: boolean;
  /** Answer 200 with a body that breaks the contract. */
  readonly malformed?: boolean;
  /** Answer 409 slot-taken, as if someone had just taken the slot. */
  readonly conflict?: boolean;
  /** How many answers this applies to; default every one until cleared. */
  readonly times?: number;
}

/** Plays a fault: its delay, then its answer, or nothing when the request should go on to the host. */
export async function applyFault(fault: Fault, signal: AbortSignal): Promise<Response | undefined> {
  if (fault.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
  if (fault.timeout) {
    await new Promise((_resolve, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
    );
  }
  if (fault.status) {
    const headers: Record<string, string> =
      fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    return errorResponse(
      new HttpError(fault.status, `injected-${fault.status}`, `Injected failure (${fault.status}).`),
      headers,
    );
  }
  if (fault.malformed)
    return new Response(JSON.stringify({ session: { id: 42 }, unexpected: true }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  if (fault.conflict)
    return errorResponse(new HttpError(409, 'slot-taken', 'That time was just taken. Choose another one.'));
  return undefined;
}
