import type { WebComponentProps } from '@lit/react';
import type { EventOf } from './event-of.js';

/**
 * What React 19 accepts on a bare custom element in JSX: the usual HTML props, the element's own
 * properties (React 19 sets a prop as a property when the element has it), and a listener for each
 * of its events under `on` + the event's exact name (`onrc-cancel-success`), as React 19 adds it.
 */
export type IntrinsicElementProps<
  Element extends HTMLElement,
  EventProp extends `on${string}`,
> = WebComponentProps<Element> & {
  [Prop in EventProp]?: (event: EventOf<Prop extends `on${infer Name}` ? Name : never>) => void;
};
