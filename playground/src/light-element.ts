import { LitElement } from 'lit';

/**
 * The playground's own elements render into the light DOM: the page's one stylesheet styles them,
 * and Monaco (which injects its styles into the document) works inside them.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
