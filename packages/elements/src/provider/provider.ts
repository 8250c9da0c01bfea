import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { raincheckConfigContext, rulesSource, type RaincheckConfig, type RulesSource } from '../config/config.js';
import { setRaincheckLocale } from '../localization/localization.js';

/**
 * @customElement rc-provider
 * @summary Configures every Raincheck widget inside it, once per page: host API, auth, locale, rules.
 *
 * @slot - The widgets (and anything else).
 */
export class RcProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // Written out, not spread from a shared map: the custom elements manifest reads this literal.
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    locale: { reflect: true },
    rulesUrl: { attribute: 'rules-url' },
    fetch: { attribute: false },
    headers: { attribute: false },
    accessToken: { attribute: false },
    getAccessToken: { attribute: false },
    rules: { attribute: false },
    timeoutMs: { attribute: 'timeout-ms', type: Number },
  };

  /** The host API's base URL. */
  declare baseUrl: string | undefined;
  /** A BCP 47 locale for every widget inside (English and German ship). */
  declare locale: string | undefined;
  /** A URL to load rule files from, instead of the host API. */
  declare rulesUrl: string | undefined;
  /** A `fetch` for the host API. */
  declare fetch: RaincheckConfig['fetch'];
  /** Headers for every host API request, or a function returning them. */
  declare headers: RaincheckConfig['headers'];
  /** The caller's bearer token for the host API (for every widget inside). */
  declare accessToken: string | undefined;
  /** Gets the bearer token before each call, and a fresh one after a 401 (for every widget inside); takes precedence over `accessToken`. */
  declare getAccessToken: RaincheckConfig['getAccessToken'];
  /** Where rules come from, as an object (takes precedence over `rules-url`). */
  declare rules: RulesSource | undefined;
  /** How long one attempt at the host API or the rules URL may take, body included, in ms (default 10,000). */
  declare timeoutMs: number | undefined;

  readonly #provider = new ContextProvider(this, { context: raincheckConfigContext, initialValue: {} });

  protected override willUpdate(changed: PropertyValues<this>): void {
    const rules = rulesSource(this.rules, this.rulesUrl);
    this.#provider.setValue({
      ...(this.baseUrl ? { baseUrl: this.baseUrl } : {}),
      ...(this.fetch ? { fetch: this.fetch } : {}),
      ...(this.headers ? { headers: this.headers } : {}),
      ...(this.accessToken ? { accessToken: this.accessToken } : {}),
      ...(this.getAccessToken ? { getAccessToken: this.getAccessToken } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
      ...(rules ? { rules } : {}),
      ...(this.timeoutMs == null ? {} : { timeoutMs: this.timeoutMs }),
    });
    if (changed.has('locale') && this.locale) void setRaincheckLocale(this.locale);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-provider': RcProvider;
  }
}
