/**
 * Defines a custom element once. A second copy of the SDK on the page (or a second import) finds
 * the name taken and leaves the first definition in place instead of throwing.
 */
export function defineOnce(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
