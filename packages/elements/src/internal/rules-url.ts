import { DEFAULT_TIMEOUT_MS } from '@raincheck/host-api/client';
import { checkedUrl, configuredTimeout } from '../config/config.js';

/**
 * Why rule files could not come from a `rules-url`: `refused` (a 4xx: the URL or its access is
 * wrong), `not-rules` (no JSON object there), `failed` (a 5xx, 408 or 429: the server may answer
 * later), `timeout` (no whole answer within the timeout) or `unreachable` (no answer). Only the last
 * three can be retried.
 */
export class RulesUrlError extends Error {
  override name = 'RulesUrlError';
  constructor(
    readonly url: string,
    readonly kind: 'refused' | 'not-rules' | 'failed' | 'timeout' | 'unreachable',
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`Could not load the rules from ${url}: ${status ? `${kind} (${status})` : kind}`, options);
  }
}

/** Statuses another attempt may get past: the server failed, timed out or asked to wait. */
export function passing(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** A `rules-url` fetch started beside the load: its answer is read once the decided phase is there ({@link readRules}). */
export interface RulesFetch {
  readonly url: string;
  readonly deadline: AbortSignal;
  readonly response: Promise<Response>;
}

/**
 * Starts fetching the rule files at `url`, the whole answer to be read within `timeoutMs` (the host
 * API client's default), so a server that stalls after the headers ends in `timeout`, not a hang.
 * What the answer says is read in the decided phase (`readRules`, internal/policy-decision.decided.ts).
 * @throws ConfigurationError when `url` is not an http(s) URL.
 */
export function fetchRules(url: string, timeoutMs = DEFAULT_TIMEOUT_MS): RulesFetch {
  const href = checkedUrl(url);
  const deadline = AbortSignal.timeout(configuredTimeout(timeoutMs));
  const response = fetch(href, { headers: { accept: 'application/json' }, signal: deadline });
  // Read once the decided phase is there: a failure before then is not unhandled.
  void response.catch(() => undefined);
  return { url, deadline, response };
}
