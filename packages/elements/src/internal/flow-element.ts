import { initialState, Task } from '@lit/task';
import type { PropertyValues } from 'lit';
import { describeFailure, type WidgetErrorDetail } from './failure.js';
import { IntentKeys } from './intent-keys.js';
import { RaincheckElement } from './raincheck-element.js';

export type { WidgetErrorDetail } from './failure.js';

/** A widget's state; each has its own heading, which takes focus when the state changes. */
export type WidgetState = 'loading' | 'ready' | 'submitting' | 'success' | 'error';

/**
 * The life every widget shares: states with focus on each new state's heading; failures turned
 * into what the person reads; and writes made once, with a cancelable `<prefix>-submit` event
 * before and `-success` / `-error` after, under one idempotency key per intent.
 */
export abstract class FlowElement extends RaincheckElement {
  static override properties = {
    ...RaincheckElement.properties,
    state: { reflect: true },
    failure: { state: true },
  };

  /** The current state (reflected as an attribute for styling). */
  declare state: WidgetState;
  protected declare failure: WidgetErrorDetail | undefined;

  /** The property that names what the widget shows (`sessionId`, `therapistId`, `token`): setting it loads. */
  protected abstract readonly subjectProperty: string;
  /**
   * Loads what the widget shows. `signal` aborts once a newer load has started (pass it to the
   * host's calls); `current()` turns false then.
   */
  protected abstract loadSubject(current: () => boolean, signal: AbortSignal): Promise<void>;

  #keys: IntentKeys | undefined;
  #loadFailed = false;

  /**
   * The load: it runs again when the subject or the host connection changes (not the locale, not
   * the rules), the latest run wins and the one before is aborted.
   */
  readonly #loading = new Task(this, {
    args: () => [(this as unknown as Record<string, unknown>)[this.subjectProperty], this.connection.generation] as const,
    task: async ([subject], { signal }) => {
      if (!subject || !this.connection.configured) return initialState;
      this.resetSubject();
      this.state = 'loading';
      this.failure = undefined;
      this.#loadFailed = false;
      await this.loadSubject(() => !signal.aborted, signal);
      signal.throwIfAborted();
      this.state = 'ready';
      return subject;
    },
    onError: (error) => {
      this.#loadFailed = true;
      this.fail(error);
    },
  });

  constructor() {
    super();
    this.state = 'loading';
  }

  protected override get loadFailed(): boolean {
    return this.#loadFailed;
  }

  /** Forgets what was loaded for the last subject, as a new load starts. */
  protected resetSubject(): void {
    // Nothing by default.
  }

  /** Loads everything again: the loading state, then ready or the error; the latest load wins. */
  protected async load(): Promise<void> {
    await this.#loading.run();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Focus follows the state: the new state's heading takes it, so screen readers announce it.
    if (changed.has('state') && changed.get('state') !== undefined && this.state !== 'submitting') {
      this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
    }
  }

  /** Turns any failure into what the person reads (see {@link describeFailure}), and moves to the error state. */
  protected fail(error: unknown): WidgetErrorDetail {
    this.failure = describeFailure(error);
    this.state = 'error';
    return this.failure;
  }

  /**
   * Writes once: fires the cancelable `<prefix>-submit` (stops if prevented), sends with the
   * intent's idempotency keys, then fires `<prefix>-success` or `<prefix>-error`. `send` gets a
   * key per write it makes (`keyFor(name, body)`), so a retry after a half-done change replays
   * what was done (the host answers a repeated key with its first answer) and finishes the rest.
   * @returns the host's answer, or undefined when vetoed or failed.
   */
  protected async writeOnce<Result>(
    prefix: string,
    detail: unknown,
    scope: string,
    send: (keyFor: (name: string, body: unknown) => string) => Promise<Result>,
  ): Promise<Result | undefined> {
    if (this.state === 'submitting') return undefined;
    const proceed = this.dispatchEvent(new CustomEvent(`${prefix}-submit`, { detail, bubbles: true, composed: true, cancelable: true }));
    if (!proceed) return undefined;
    this.state = 'submitting';
    this.failure = undefined;
    const keys = (this.#keys ??= new IntentKeys(`raincheck:${this.localName}`));
    // The parts written so far, in order: the last one is the write that failed, if one did.
    const used: string[] = [];
    const keyFor = (name: string, body: unknown) => {
      const part = name ? `${scope}:${name}` : scope;
      if (!used.includes(part)) used.push(part);
      return keys.keyFor(part, body);
    };
    try {
      const result = await send(keyFor);
      used.forEach((part) => keys.settle(part));
      this.state = 'success';
      this.dispatchEvent(new CustomEvent<Result>(`${prefix}-success`, { detail: result, bubbles: true, composed: true }));
      return result;
    } catch (error) {
      const failure = this.fail(error);
      // A final answer for the write that failed: trying again is a new intent for it, with a new
      // key. The writes before it succeeded and keep theirs, so trying again replays them.
      const failed = used.at(-1);
      if (!failure.retryable && failed) keys.settle(failed);
      this.dispatchEvent(new CustomEvent<WidgetErrorDetail>(`${prefix}-error`, { detail: failure, bubbles: true, composed: true }));
      return undefined;
    }
  }
}
