/**
 * What every Raincheck event is: a `CustomEvent` that bubbles and is composed, so a page hears it
 * from outside the widget's shadow root. Each event is a class of its own with a literal
 * `eventName`, so the manifest and `HTMLElementEventMap` name it from the code.
 */
export abstract class RaincheckEvent<Detail> extends CustomEvent<Detail> {
  protected constructor(name: string, detail: Detail, { cancelable = false }: { readonly cancelable?: boolean } = {}) {
    super(name, { detail, bubbles: true, composed: true, cancelable });
  }
}
