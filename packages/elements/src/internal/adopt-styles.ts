import { nothing, type CSSResult } from 'lit';
import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';
import { adoptSheet } from './adopt-sheet.js';

/**
 * `${adoptStyles(sheet)}` in a template adds `sheet` to the rendering element's shadow root, once:
 * styles that arrive with a lazily loaded template instead of in the element's first load. It uses
 * the shadow root's `adoptedStyleSheets`, as Lit does, so it needs no inline `<style>` (and passes
 * a CSP without `'unsafe-inline'`).
 */
class AdoptStyles extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.CHILD) throw new Error('adoptStyles() belongs between elements, not in an attribute');
  }

  render(_styles: CSSResult): typeof nothing {
    return nothing;
  }

  override update(part: ChildPart, [styles]: [CSSResult]): typeof nothing {
    // The host, not the part's parent: a template rendered for the first time is not in the root yet.
    adoptSheet(part.options?.host, styles);
    return nothing;
  }
}

export const adoptStyles = directive(AdoptStyles);
