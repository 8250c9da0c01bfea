import { DEFAULT_TIMEOUT_MS, readBodyText } from '@raincheck/host-api/client';
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

/**
 * What a `rules-url` answered, as it came: the whole body, the status it refused with, or why no
 * whole answer came (whether within the deadline). What it says is read in the decided phase
 * (`rulesPolicy`, internal/policy-decision.decided.ts), which throws the {@link RulesUrlError}s.
 */
export type RulesRead = { readonly url: string } & (
  { readonly text: string } | { readonly status: number } | { readonly cause: unknown; readonly timedOut: boolean }
);

/**
 * Fetches the rule files at `url` (beside the widget's load), the whole answer read within
 * `timeoutMs` (the host API client's default), so a server that stalls after the headers ends in
 * `timeout`, not a hang. Never rejects: see {@link RulesRead}.
 * @throws ConfigurationError when `url` is not an http(s) URL.
 */
export function fetchRules(url: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RulesRead> {
  const href = checkedUrl(url);
  const deadline = AbortSignal.timeout(configuredTimeout(timeoutMs));
  return fetch(href, { headers: { accept: 'application/json' }, signal: deadline })
    .then(async (response): Promise<RulesRead> => {
      if (response.ok) return { url, text: await readBodyText(response, deadline) };
      response.body?.cancel().catch(() => undefined);
      return { url, status: response.status };
    })
    .catch((cause: unknown) => ({ url, cause, timedOut: deadline.aborted }));
}
