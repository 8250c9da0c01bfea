/** A partner's token function, as `getAccessToken` is given. */
export type TokenSource = (context: { readonly refresh: boolean }) => string | Promise<string>;

/** One token source for all of a client's calls, and the `fetch` that tells it which tokens the host refused. */
export interface SharedToken {
  /** The client's `token` option. */
  readonly token: (context: { readonly refresh: boolean }) => Promise<string>;
  /** The client's `fetch`: `through` (else the page's), noting each token the host answered with a 401. */
  readonly fetch: typeof fetch;
}

/**
 * Calls sent together with a token the host then refuses (401) get one refreshed token between
 * them, not one refresh each: a refresh is asked of the source only while its latest token is one
 * the host refused, and calls that ask meanwhile wait for that refresh.
 */
export function sharedToken(source: TokenSource, through: typeof fetch | undefined): SharedToken {
  const refused = new Set<string>();
  let latest: string | undefined;
  let refreshing: Promise<string> | undefined;
  const ask = (refresh: boolean) =>
    Promise.resolve(source({ refresh })).then((token) => {
      latest = token;
      return token;
    });
  return {
    token: ({ refresh }) => {
      if (refreshing) return refreshing;
      if (!refresh) return ask(false);
      // Another call's 401 already brought a token the host has not refused: that one.
      if (latest !== undefined && !refused.has(latest)) return Promise.resolve(latest);
      const started = ask(true).finally(() => {
        if (refreshing === started) refreshing = undefined;
      });
      refreshing = started;
      return started;
    },
    fetch: async (input, init) => {
      const response = await (through ?? globalThis.fetch)(input, init);
      const bearer = new Headers(init?.headers).get('authorization');
      if (response.status === 401 && bearer?.startsWith('Bearer ')) refused.add(bearer.slice(7));
      return response;
    },
  };
}

/**
 * Whether `token` is a JWT (as the host's tokens are) whose `exp` has passed by this page's clock.
 * The host's clock decides; this only spares a call the host would refuse.
 */
export function visiblyExpired(token: string): boolean {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now();
  } catch {
    return false;
  }
}
