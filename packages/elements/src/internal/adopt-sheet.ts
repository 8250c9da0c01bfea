import type { CSSResult } from 'lit';

/**
 * Adds `styles` to `host`'s shadow root once, after the sheets it already has: styles that arrive
 * with a lazily loaded module. A module of its own, apart from the `adoptStyles` directive, which
 * would bring `lit/directive.js` into the first load of whoever imports this.
 */
export function adoptSheet(host: unknown, styles: CSSResult): void {
  const root = (host as { renderRoot?: unknown } | undefined)?.renderRoot;
  const sheet = styles.styleSheet;
  if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
