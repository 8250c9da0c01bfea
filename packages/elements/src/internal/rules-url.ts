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
 * The rule files at `url` (`{ files, hash? }`, or the files object alone), the whole answer read
 * within `timeoutMs` (the host API client's default), so a server that stalls after the headers
 * ends in `timeout`, not a hang.
 * @throws ConfigurationError when `url` is not an http(s) URL; RulesUrlError when it gives no rule files.
 */
export async function loadRulesFromUrl(
  url: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<{ files: Readonly<Record<string, unknown>>; hash: string | undefined }> {
  const href = checkedUrl(url);
  const deadline = AbortSignal.timeout(configuredTimeout(timeoutMs));
  let text: string;
  try {
    const response = await fetch(href, { headers: { accept: 'application/json' }, signal: deadline });
    if (!response.ok) {
      response.body?.cancel().catch(() => undefined);
      const kind = passing(response.status) ? 'failed' : 'refused';
      throw new RulesUrlError(url, kind, response.status);
    }
    text = await readBodyText(response, deadline);
  } catch (error) {
    if (error instanceof RulesUrlError) throw error;
    // Reached, but the whole answer did not come in time (a stalled body, a slow server).
    throw new RulesUrlError(url, deadline.aborted ? 'timeout' : 'unreachable', undefined, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RulesUrlError(url, 'not-rules', undefined, { cause: error });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RulesUrlError(url, 'not-rules');
  const document = json as { files?: Record<string, unknown>; hash?: unknown } & Record<string, unknown>;
  // A hash counts only beside `files`: alone, the document is the files object itself.
  const hash = document.files && typeof document.hash === 'string' ? document.hash : undefined;
  return { files: document.files ?? document, hash };
}
