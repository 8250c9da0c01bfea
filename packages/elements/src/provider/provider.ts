import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { raincheckConfigContext } from '../config/config.js';
import { ConfigElement } from '../config/config-element.js';
import { setRaincheckLocale } from '../localization/localization.js';

/**
 * @customElement rc-provider
 * @summary Configures every Raincheck widget inside it, once per page: host API, auth, locale, rules.
 *
 * @slot - The widgets (and anything else).
 */
export class RcProvider extends ConfigElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    ...ConfigElement.properties,
    locale: { reflect: true },
  };

  readonly #provider = new ContextProvider(this, { context: raincheckConfigContext, initialValue: {} });

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#provider.setValue(this.ownConfig);
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
