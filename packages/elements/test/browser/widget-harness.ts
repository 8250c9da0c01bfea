import { fixture, waitUntil as openWcWaitUntil } from '@open-wc/testing';
import type { MockHost, MockIdentity } from '@raincheck/mock-host';

// What every widget test shares: a widget pointed at the mock host, and reading its shadow root.

/**
 * `waitUntil` of @open-wc/testing, failing after 5 s instead of its 1 s: what the tests wait for
 * (a first load, a lazy module from the dev server, an injected latency, a write) took up to 1.4 s
 * on a loaded machine, which failed tests on 1 s. It still returns as soon as `predicate` holds.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { readonly interval?: number; readonly timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}

/** Where the widgets think the host API is; the mock host answers through `fetchAt(BASE)`. */
export const BASE = 'https://partner.test/api';

type Widget = HTMLElement & { state: string };

/** Who the widget acts as: a scenario identity whose fresh tokens it gets, or `null` for no token. */
export interface AttachOptions {
  /** Default `'therapist'`, but `null` for `rc-client-response`, whose offer link is its permission. */
  readonly as?: MockIdentity | null;
}

/** `<tag>` with `attributes`, talking to `host` as `options.as`, attached to the page: it may still be loading. */
export async function attachWidget<E extends Widget>(
  host: MockHost,
  tag: string,
  attributes: Readonly<Record<string, string>>,
  options: AttachOptions = {},
): Promise<E> {
  const el = document.createElement(tag) as E & { fetch: typeof fetch; getAccessToken?: () => Promise<string> };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('base-url', BASE);
  el.fetch = host.fetchAt(BASE);
  const who = options.as === undefined ? (tag === 'rc-client-response' ? null : 'therapist') : options.as;
  if (who) el.getAccessToken = () => host.token(who);
  return fixture<E>(el);
}

/** {@link attachWidget}, once the widget has finished loading. */
export async function mountWidget<E extends Widget>(
  host: MockHost,
  tag: string,
  attributes: Readonly<Record<string, string>>,
  options: AttachOptions = {},
): Promise<E> {
  const el = await attachWidget<E>(host, tag, attributes, options);
  await waitUntil(() => el.state !== 'loading', `<${tag}> should finish loading`, { timeout: 5000 });
  return el;
}

/** The first match in a widget's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
/** Every match in a widget's shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
/** A widget's text, whitespace collapsed. */
export const text = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');
