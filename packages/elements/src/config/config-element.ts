import { LitElement } from 'lit';
import { rulesSource, type RaincheckConfig, type RulesSource } from './config.js';

/**
 * The configuration properties, declared once for `<rc-provider>` and every widget: as attributes
 * (`base-url`, `locale`, `rules-url`, `timeout-ms`) or properties.
 */
export class ConfigElement extends LitElement {
  // Written out, not spread from a shared map: the custom elements manifest reads this literal.
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    locale: {},
    rulesUrl: { attribute: 'rules-url' },
    fetch: { attribute: false },
    headers: { attribute: false },
    accessToken: { attribute: false },
    getAccessToken: { attribute: false },
    rules: { attribute: false },
    timeoutMs: { attribute: 'timeout-ms', type: Number },
    ready: { attribute: false },
  };

  /** The host API's base URL (a widget's own, else its provider's). */
  declare baseUrl: string | undefined;
  /** A BCP 47 locale (English and German ship; a widget's own, else its provider's, else the page's `lang`). */
  declare locale: string | undefined;
  /** A URL to load rule files from, instead of the host API. */
  declare rulesUrl: string | undefined;
  /** A `fetch` for the host API (auth, proxies). */
  declare fetch: RaincheckConfig['fetch'];
  /** Headers for every host API request, or a function returning them. */
  declare headers: RaincheckConfig['headers'];
  /** The caller's bearer token for the host API. */
  declare accessToken: string | undefined;
  /** Gets the bearer token before each call, and a fresh one after a 401; takes precedence over `accessToken`. */
  declare getAccessToken: RaincheckConfig['getAccessToken'];
  /** Where rules come from, as an object (takes precedence over `rules-url`). */
  declare rules: RulesSource | undefined;
  /** How long one attempt at the host API or the rules URL may take, body included, in ms (default 10,000). */
  declare timeoutMs: number | undefined;
  /** Settles when the host API can answer (the mock host's worker started): host API calls wait for it. */
  declare ready: RaincheckConfig['ready'];

  /** The settings this element was given itself, without the unset ones. */
  protected get ownConfig(): RaincheckConfig {
    const rules = rulesSource(this.rules, this.rulesUrl);
    return {
      ...(this.baseUrl ? { baseUrl: this.baseUrl } : {}),
      ...(this.fetch ? { fetch: this.fetch } : {}),
      ...(this.headers ? { headers: this.headers } : {}),
      ...(this.accessToken ? { accessToken: this.accessToken } : {}),
      ...(this.getAccessToken ? { getAccessToken: this.getAccessToken } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
      ...(rules ? { rules } : {}),
      ...(this.timeoutMs == null ? {} : { timeoutMs: this.timeoutMs }),
      ...(this.ready ? { ready: this.ready } : {}),
    };
  }
}
