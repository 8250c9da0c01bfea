import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { HostTransport } from '@raincheck/host-api/client';
import { LitElement, type PropertyValues } from 'lit';
import { raincheckConfigContext, rulesSource, type RaincheckConfig, type RulesSource } from '../config/config.js';
import { HostConnection } from '../controllers/host-connection.js';
import { getRaincheckLocale, setRaincheckLocale } from '../localization/localization.js';

/**
 * What every Raincheck widget shares: configuration from its own attributes and properties, else
 * from the nearest `<rc-provider>`, and the host API client.
 */
export class RaincheckElement extends LitElement {
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
    config: { state: true },
  };

  /** The host API's base URL (else the provider's). */
  declare baseUrl: string | undefined;
  /** A BCP 47 locale (else the provider's, else the page's `lang`). */
  declare locale: string | undefined;
  /** A URL to load rule files from (else the provider's, else the host API). */
  declare rulesUrl: string | undefined;
  /** A `fetch` for the host API (else the provider's). */
  declare fetch: RaincheckConfig['fetch'];
  /** Headers for every host API request, or a function returning them (else the provider's). */
  declare headers: RaincheckConfig['headers'];
  /** The caller's bearer token for the host API (else the provider's). */
  declare accessToken: string | undefined;
  /** Gets the bearer token before each call, and a fresh one after a 401 (else the provider's); takes precedence over `accessToken`. */
  declare getAccessToken: RaincheckConfig['getAccessToken'];
  /** Where rules come from, as an object (takes precedence over `rules-url`). */
  declare rules: RulesSource | undefined;
  /** How long one attempt at the host API or the rules URL may take, body included, in ms (else the provider's, else 10,000). */
  declare timeoutMs: number | undefined;
  /** The provider's configuration. */
  protected declare config: RaincheckConfig;

  /** The host API client, rebuilt when what shapes it changes; `generation` counts the changes a load follows. */
  protected readonly connection: HostConnection;

  constructor() {
    super();
    this.config = {};
    updateWhenLocaleChanges(this);
    this.connection = new HostConnection(this, () => this.settings, () => this.loadFailed);
    new ContextConsumer(this, {
      context: raincheckConfigContext,
      subscribe: true,
      callback: (config) => {
        this.config = config;
      },
    });
  }

  /** This element's configuration: its own settings first, then the provider's. */
  protected get settings(): RaincheckConfig {
    const rules = rulesSource(this.rules, this.rulesUrl) ?? this.config.rules;
    return {
      ...this.config,
      ...(this.baseUrl ? { baseUrl: this.baseUrl } : {}),
      ...(this.fetch ? { fetch: this.fetch } : {}),
      ...(this.headers ? { headers: this.headers } : {}),
      ...(this.accessToken ? { accessToken: this.accessToken } : {}),
      ...(this.getAccessToken ? { getAccessToken: this.getAccessToken } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
      ...(rules ? { rules } : {}),
      ...(this.timeoutMs == null ? {} : { timeoutMs: this.timeoutMs }),
    };
  }

  /** The locale to format dates and money in. */
  protected get formatLocale(): string {
    return this.settings.locale ?? getRaincheckLocale();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale) void setRaincheckLocale(this.locale);
  }

  /** Whether the last load failed: then a new token or timeout loads again, else it serves the next calls. */
  protected get loadFailed(): boolean {
    return false;
  }

  /**
   * The host API for the current settings: `this.host.send(getSessionRoute, …)`. Without a usable
   * base-url, every call rejects with a ConfigurationError; reading `host` never throws, since
   * tools that inspect elements (axe reads a node's `host`) read it too.
   */
  protected get host(): HostTransport {
    return this.connection.transport;
  }
}
