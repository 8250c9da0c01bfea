import { createContext } from '@lit/context';
import { checkedTimeoutMs } from '@raincheck/host-api/client';

/** Where a widget's rules come from. */
export type RulesSource =
  /** The host API's `GET /policy/rules` (the default). */
  | { readonly from: 'host' }
  /**
   * A JSON document at a URL: `{ "files": { "name.json": ruleFile, … }, "hash"?: "…" }`, or the
   * files object alone.
   */
  | { readonly from: 'url'; readonly url: string }
  /**
   * Rule files given inline, by name. `hash`, the policy hash `raincheck validate` prints for
   * exactly these files, spares the page loading the validator for them.
   */
  | { readonly from: 'inline'; readonly files: Readonly<Record<string, unknown>>; readonly hash?: string };

/** Configuration shared by every widget on a page, through `<rc-provider>` or per element. */
export interface RaincheckConfig {
  /** The host API's base URL. */
  readonly baseUrl?: string;
  /** A `fetch` for the host API (auth, proxies). */
  readonly fetch?: typeof fetch;
  /** Headers for every host API request (auth); a function is called before each request. */
  readonly headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** The caller's bearer token for the host API, minted by the partner's backend. */
  readonly accessToken?: string;
  /**
   * Gets the bearer token before each host API call (`refresh: false`), and once more after the
   * host refused it as expired (`refresh: true`: mint a new one); the call is then sent again, so an
   * expired token is refreshed, never shown as an error. Takes precedence over `accessToken`.
   */
  readonly getAccessToken?: (context: { readonly refresh: boolean }) => string | Promise<string>;
  /** A BCP 47 locale; the widgets ship English and German. */
  readonly locale?: string;
  /**
   * How long one attempt at the host API or the rules URL may take, from sending to the last byte
   * of the body, in ms. Default 10,000.
   */
  readonly timeoutMs?: number;
  readonly rules?: RulesSource;
  /**
   * Settles when the host API can answer (the mock host's `startMockHostWorker(…)`, say): every host
   * API call waits for it, so widgets connected first never meet the 404 of a host not yet there.
   */
  readonly ready?: PromiseLike<unknown>;
}

/**
 * The context `<rc-provider>` provides. Its key is a registered symbol, so widgets from a second
 * copy of the SDK on the same page still find the provider.
 */
export const raincheckConfigContext = createContext<RaincheckConfig>(Symbol.for('raincheck.config'));

/** The page's Raincheck configuration cannot work (a missing or unusable URL, an unusable timeout): trying again cannot help. */
export class ConfigurationError extends TypeError {
  override name = 'ConfigurationError';
}

/**
 * A `timeout-ms` the widgets can use: a whole number of milliseconds from 1 to 2³¹ − 1.
 * @throws ConfigurationError naming the value, where a bad one would end every call at once.
 */
export function configuredTimeout(ms: number): number {
  try {
    return checkedTimeoutMs(ms, 'timeout-ms');
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
}

/**
 * A URL safe to fetch from: http(s), or relative to the page. Refuses `javascript:`, `data:` and the like.
 * @throws ConfigurationError for those, and for what is not a URL.
 */
export function checkedUrl(url: string, base: string = globalThis.location?.href ?? 'http://localhost/'): string {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    throw new ConfigurationError(`Raincheck cannot read ${JSON.stringify(url)} as a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigurationError(`Raincheck only fetches http(s) URLs, not ${parsed.protocol} (${url})`);
  }
  return parsed.href;
}

/** `rules` when given, else `rules-url` as a URL source. */
export function rulesSource(rules: RulesSource | undefined, rulesUrl: string | undefined): RulesSource | undefined {
  return rules ?? (rulesUrl ? { from: 'url', url: rulesUrl } : undefined);
}
