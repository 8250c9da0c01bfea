import { createHostClient, type HostClient, type HostClientOptions } from '@raincheck/host-api';
import type { MockHost, MockIdentity } from '../../src/index.js';

// The mock host enforces identities like a real host: every test talks to it as someone.

/**
 * A typed client talking straight to `host` (no msw) as `who`, with a fresh token of theirs before
 * each attempt, as a partner's page gets one from its backend; `null` sends no token (an offer link).
 */
export function clientAs(
  host: MockHost,
  baseUrl: string,
  who: MockIdentity | null,
  options: Partial<HostClientOptions> = {},
): HostClient {
  return createHostClient({
    baseUrl,
    fetch: host.fetchAt(baseUrl),
    ...(who === null ? {} : { token: () => host.token(who) }),
    ...options,
  });
}

/** `host.fetchAt(baseUrl)` with a fresh token of `who`'s added to every request, for raw requests. */
export function fetchAs(host: MockHost, baseUrl: string, who: MockIdentity): typeof fetch {
  return withBearer(host.fetchAt(baseUrl), () => host.token(who));
}

/**
 * `fetch` with `Authorization: Bearer <token>` added to every request: one token minted beforehand
 * (for tests that break the host's clock, on which tokens are minted), or a function for each request.
 */
export function withBearer(
  fetch: typeof globalThis.fetch,
  token: string | (() => Promise<string>),
): typeof globalThis.fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${typeof token === 'string' ? token : await token()}`);
    return fetch(input, { ...init, headers });
  };
}
