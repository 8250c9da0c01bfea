import type { ValidationIssue } from '@raincheck/policy/schemas';
import type { EndpointId } from './endpoints.js';

/** Every failure of a host API call. `endpoint` names the call; `code` is stable and kebab-case. */
export class HostApiError extends Error {
  override name = 'HostApiError';
  constructor(
    readonly endpoint: EndpointId,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The request never got an answer (offline, DNS, CORS, connection reset), after any retries. */
export class NetworkError extends HostApiError {
  override name = 'NetworkError';
  constructor(endpoint: EndpointId, cause: unknown) {
    super(endpoint, 'network', `${endpoint}: the host could not be reached`, { cause });
  }
}

/** The host did not answer within `timeoutMs` (the headers and the whole body), after any retries. */
export class TimeoutError extends HostApiError {
  override name = 'TimeoutError';
  constructor(
    endpoint: EndpointId,
    readonly timeoutMs: number,
  ) {
    super(endpoint, 'timeout', `${endpoint}: the host did not answer within ${timeoutMs} ms`);
  }
}

/**
 * A request or a response does not fit the contract. For a response, the host broke the
 * contract: the SDK refuses to go on with data it does not understand.
 */
export class ContractError extends HostApiError {
  override name = 'ContractError';
  constructor(
    endpoint: EndpointId,
    readonly side: 'request' | 'response',
    readonly issues: readonly ValidationIssue[],
  ) {
    super(
      endpoint,
      'contract',
      `${endpoint} ${side} breaks the host API contract: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }

  /** The first offending field, as a JSON path (`$.session.version`). */
  get field(): string {
    return this.issues[0]?.path ?? '$';
  }
}

/** The host answered with an error status; `message` is the host's own sentence when it gave one. */
export class HostResponseError extends HostApiError {
  override name = 'HostResponseError';
  constructor(
    endpoint: EndpointId,
    readonly status: number,
    code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(endpoint, code, message);
  }
}

/** 409: the slot was taken meanwhile, or the offer was already answered. Refresh and choose again. */
export class ConflictError extends HostResponseError {
  override name = 'ConflictError';
}

/** 412: someone else changed the session since it was read (stale `version`). Reload it. */
export class PreconditionFailedError extends HostResponseError {
  override name = 'PreconditionFailedError';
}

/** 428: a write to a session came without `If-Match`. */
export class PreconditionRequiredError extends HostResponseError {
  override name = 'PreconditionRequiredError';
}

/** 401: no token, or one the host does not accept (expired, forged); a `token` function was asked for a fresh one first. */
export class UnauthorizedError extends HostResponseError {
  override name = 'UnauthorizedError';
}

/** 403: a valid token whose caller may not do this (another therapist's session, another tenant, a team-only endpoint). */
export class ForbiddenError extends HostResponseError {
  override name = 'ForbiddenError';
}

/** 5xx: the host failed; 502/503/504 were retried first. */
export class ServerError extends HostResponseError {
  override name = 'ServerError';
}

/** The error class for an HTTP status. */
export function responseErrorClass(status: number): typeof HostResponseError {
  if (status === 401) return UnauthorizedError;
  if (status === 403) return ForbiddenError;
  if (status === 409) return ConflictError;
  if (status === 412) return PreconditionFailedError;
  if (status === 428) return PreconditionRequiredError;
  if (status >= 500) return ServerError;
  return HostResponseError;
}
