import { createHostTransport, type HostTransport } from '@raincheck/host-api/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkedUrl, ConfigurationError, configuredTimeout, type RaincheckConfig } from '../config/config.js';
import { sharedToken, visiblyExpired } from '../internal/shared-token.js';

/** A client and the token its next call would carry (undefined: none). */
interface Client {
  readonly transport: HostTransport;
  readonly token: () => Promise<string | undefined>;
}

/** What the connection needs of its element: updates, a tag name for messages, and its settings. */
export interface ConnectionHost extends ReactiveControllerHost {
  readonly localName: string;
}

/**
 * The element's host API client, rebuilt whenever anything that shapes it changes: the base URL,
 * `fetch`, `headers`, the token (`accessToken` or `getAccessToken`) or the timeout. Each update
 * compares them with the ones the client was built from; `generation` counts the changes of where
 * answers come from (base URL, fetch, headers), and of the token after a failed load, so a load
 * keyed on it runs again through the new client. A new token after a good load serves the next
 * calls: a partner rotating tokens must not send the widget back to loading. Calls refused together
 * with an expired token share one refresh (see {@link sharedToken}).
 */
export class HostConnection implements ReactiveController {
  /** Counts the changes a load follows; it runs again when this changes. */
  generation = 0;

  #source: readonly unknown[] | undefined;
  #credentials: readonly unknown[] | undefined;
  #built: (Client & { shape: readonly unknown[] }) | undefined;

  constructor(
    private readonly host: ConnectionHost,
    private readonly settings: () => RaincheckConfig,
    /** Whether a new token or timeout should load again too (after a refused load, say). */
    private readonly loadAgainOnNewCredentials: () => boolean = () => false,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const settings = this.settings();
    const source = sourceOf(settings);
    const credentials = credentialsOf(settings);
    const sourceChanged = this.#source !== undefined && !sameValues(this.#source, source);
    const credentialsChanged = this.#credentials !== undefined && !sameValues(this.#credentials, credentials);
    if (this.#source === undefined || sourceChanged || (credentialsChanged && this.loadAgainOnNewCredentials()))
      this.generation++;
    this.#source = source;
    this.#credentials = credentials;
  }

  /** Whether there is a base URL to call (a usable one or not: an unusable one ends in an error). */
  get configured(): boolean {
    return Boolean(this.settings().baseUrl);
  }

  /**
   * The client for the current settings. Without a usable base URL every call rejects with a
   * ConfigurationError; reading it never throws, since tools that inspect elements read it too.
   */
  get transport(): HostTransport {
    return this.#current().transport;
  }

  /**
   * Whether a call sent beside the first may carry the token the next call would: not one the page
   * can already see has expired, which the host would refuse too (the first call's 401 refreshes it).
   */
  async tokenUnexpired(): Promise<boolean> {
    const token = await this.#current()
      .token()
      .catch(() => undefined);
    return token === undefined || !visiblyExpired(token);
  }

  #current(): Client {
    const settings = this.settings();
    const shape = [...sourceOf(settings), ...credentialsOf(settings)];
    if (this.#built && sameValues(this.#built.shape, shape)) return this.#built;
    try {
      this.#built = { shape, ...build(settings, this.host.localName) };
    } catch (error) {
      const refusal = error instanceof Error ? error : new ConfigurationError(String(error));
      this.#built = {
        shape,
        transport: { send: () => Promise.reject(refusal) },
        token: () => Promise.resolve(undefined),
      };
    }
    return this.#built;
  }
}

function build(
  { baseUrl, fetch: givenFetch, headers, timeoutMs, accessToken, getAccessToken, ready }: RaincheckConfig,
  tag: string,
): Client {
  if (!baseUrl) throw new ConfigurationError(`<${tag}> needs a base-url (or an <rc-provider base-url>)`);
  checkedUrl(baseUrl);
  const readyFetch = ready ? afterReady(ready, givenFetch) : givenFetch;
  // A token function is shared by the calls, so calls refused together refresh once.
  const shared = getAccessToken ? sharedToken(getAccessToken, readyFetch) : undefined;
  const token = shared?.token ?? accessToken;
  const fetch = shared?.fetch ?? readyFetch;
  const transport = createHostTransport({
    baseUrl,
    ...(fetch ? { fetch } : {}),
    ...(headers ? { headers } : {}),
    ...(token === undefined ? {} : { token }),
    ...(timeoutMs === undefined ? {} : { timeoutMs: configuredTimeout(timeoutMs) }),
  });
  return { transport, token: () => (shared ? shared.token({ refresh: false }) : Promise.resolve(accessToken)) };
}

/** `fetch` (else the page's), each call sent once `ready` has settled: a host still starting is waited for, not met with its 404. */
function afterReady(ready: PromiseLike<unknown>, given: typeof fetch | undefined): typeof fetch {
  return async (input, init) => {
    await Promise.resolve(ready).catch(() => undefined);
    return (given ?? globalThis.fetch)(input, init);
  };
}

/** Where answers come from. Header objects compare by content: a template that writes `.headers=${{…}}` makes a new object each render. */
function sourceOf({ baseUrl, fetch, headers, ready }: RaincheckConfig): readonly unknown[] {
  return [
    baseUrl,
    fetch,
    ready,
    typeof headers === 'function' || headers === undefined ? headers : headerText(headers),
  ];
}

function credentialsOf({ accessToken, getAccessToken, timeoutMs }: RaincheckConfig): readonly unknown[] {
  return [getAccessToken ?? accessToken, timeoutMs];
}

function headerText(headers: HeadersInit): unknown {
  try {
    return JSON.stringify([...new Headers(headers)]);
  } catch {
    // Headers HTTP cannot send: the client says so at the first call; until then, compare by identity.
    return headers;
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
