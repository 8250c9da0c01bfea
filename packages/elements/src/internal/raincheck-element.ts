import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { HostTransport } from '@raincheck/host-api/client';
import type { PropertyValues } from 'lit';
import { raincheckConfigContext, type RaincheckConfig } from '../config/config.js';
import { ConfigElement } from '../config/config-element.js';
import { HostConnection } from '../controllers/host-connection.js';
import { PersonFocus } from '../controllers/person-focus.js';
import {
  followPageLocale,
  getRaincheckLocale,
  pageLocale,
  setRaincheckLocale,
  supportedLocale,
} from '../localization/localization.js';

/**
 * What every Raincheck widget shares: configuration from its own attributes and properties, else
 * from the nearest `<rc-provider>`; the host API client; the locale; focus that follows the person.
 * The rest is controllers: loading, deciding, writing.
 */
export class RaincheckElement extends ConfigElement {
  static override properties = {
    ...ConfigElement.properties,
    config: { state: true },
  };

  /** The provider's configuration. */
  declare protected config: RaincheckConfig;

  /** The host API client, rebuilt when what shapes it changes; `generation` counts the changes a load follows. */
  protected readonly connection: HostConnection;
  /** Moves focus when the person caused a change, never on the first load. */
  protected readonly personFocus = new PersonFocus(this);

  constructor() {
    super();
    this.config = {};
    updateWhenLocaleChanges(this);
    new ContextConsumer(this, {
      context: raincheckConfigContext,
      subscribe: true,
      callback: (config) => {
        this.config = config;
      },
    });
    this.connection = new HostConnection(
      this,
      () => this.settings,
      () => this.loadFailed,
    );
  }

  /** This element's configuration: its own settings first, then the provider's. */
  protected get settings(): RaincheckConfig {
    return { ...this.config, ...this.ownConfig };
  }

  /**
   * The locale to format dates and money in: the widget's or its provider's, else the page's `lang`
   * (`en-GB` gives British dates) while the widgets render in that language, else the language shown.
   */
  protected get formatLocale(): string {
    const configured = this.settings.locale;
    if (configured) return configured;
    const page = pageLocale(this);
    const shown = getRaincheckLocale();
    return page && supportedLocale(page) === shown ? page : shown;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const page = pageLocale(this);
    if (!this.settings.locale && page) void followPageLocale(page);
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
