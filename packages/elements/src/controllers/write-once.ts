import { msg } from '@lit/localize';
import { HostResponseError, NetworkError, TimeoutError } from '@raincheck/host-api/client';
import type { ReactiveControllerHost } from 'lit';
import { describeFailure, type WidgetErrorDetail, type WordFailure } from '../internal/failure.js';
import { IntentKeys } from '../internal/intent-keys.js';

/** One write the person asked for: its events, and how to send it. */
export interface WriteIntent<Result> {
  /** Cancelable, dispatched before anything is sent: `preventDefault()` stops the write. */
  readonly submit: Event;
  /** What the intent is about (a session id, a request id): one key per part of it. */
  readonly scope: string;
  /**
   * Sends the write. `keyFor(name, body)` gives each write it makes its idempotency key: the same
   * for the same body until the host answers for good, so a double click, a retry or a reload
   * replays what was done and finishes the rest.
   */
  readonly send: (keyFor: (name: string, body: unknown) => string) => Promise<Result>;
  /** The event for the host's answer. */
  readonly succeeded: (result: Result) => Event;
  /** The event for the failure, as the person reads it. */
  readonly failed: (failure: WidgetErrorDetail) => Event;
  /** Whether a failure says if the client was told; default true (false where the client is the one writing). */
  readonly tellsClient?: boolean;
}

/** What the widget does at each step (its states, its focus); the controller does the rest. */
export interface WriteSteps<Result> {
  readonly started: () => void;
  readonly succeeded: (result: Result) => void;
  readonly failed: (failure: WidgetErrorDetail) => void;
  /**
   * The failure wording (its module comes with the write controller: it is loaded already), or
   * undefined when it could not load (then a sentence saying so).
   */
  readonly wording: () => WordFailure | undefined | Promise<WordFailure | undefined>;
}

/**
 * Writes once: the cancelable submit event before, one idempotency key per intent (kept in
 * sessionStorage until the host answers for good), then the success or error event. One write at
 * a time: a second submit while one is in flight does nothing.
 */
export class WriteController {
  #busy = false;
  readonly #keys: IntentKeys;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget & { readonly localName: string },
    private readonly steps: WriteSteps<unknown>,
  ) {
    this.#keys = new IntentKeys(`raincheck:${host.localName}`);
  }

  /** Whether a write is in flight. */
  get busy(): boolean {
    return this.#busy;
  }

  /** @returns the host's answer, or undefined when vetoed, already writing, or failed. */
  async write<Result>(intent: WriteIntent<Result>): Promise<Result | undefined> {
    if (this.#busy) return undefined;
    if (!this.host.dispatchEvent(intent.submit)) return undefined;
    this.#busy = true;
    this.steps.started();
    // The parts written so far, in order: the last one is the write that failed, if one did.
    const used: string[] = [];
    const keyFor = (name: string, body: unknown) => {
      const part = name ? `${intent.scope}:${name}` : intent.scope;
      if (!used.includes(part)) used.push(part);
      return this.#keys.keyFor(part, body);
    };
    try {
      const result = await intent.send(keyFor);
      used.forEach((part) => this.#keys.settle(part));
      this.#busy = false;
      this.steps.succeeded(result);
      this.host.dispatchEvent(intent.succeeded(result));
      return result;
    } catch (error) {
      const failure = describeFailure(
        error,
        await this.steps.wording(),
        (intent.tellsClient ?? true) ? () => clientTold(error) : undefined,
      );
      // A final answer for the write that failed: trying again is a new intent for it, with a new
      // key. The writes before it succeeded and keep theirs, so trying again replays them.
      const failed = used.at(-1);
      if (!failure.retryable && failed) this.#keys.settle(failed);
      this.#busy = false;
      this.steps.failed(failure);
      this.host.dispatchEvent(intent.failed(failure));
      return undefined;
    }
  }
}

/**
 * A widget's write controller (FlowElement's, made on its first write): `step` shows each state,
 * `submitting` as the write starts, then `success` or `error` with what the person reads.
 */
export function startWriter(
  host: ReactiveControllerHost & EventTarget & { readonly localName: string },
  step: (state: 'submitting' | 'success' | 'error', failure?: WidgetErrorDetail) => void,
  wording: WriteSteps<unknown>['wording'],
): WriteController {
  return new WriteController(host, {
    started: () => step('submitting'),
    succeeded: () => step('success'),
    failed: (failure) => step('error', failure),
    wording,
  });
}

/**
 * After a failed write, whether the client was told: a host that answered with an error changed
 * nothing and sent nothing; one that did not answer may have done it, and then tells the client itself.
 */
function clientTold(error: unknown): string | undefined {
  if (error instanceof HostResponseError)
    return msg('The client was not told anything.', { id: 'rc.error.client-not-told' });
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    return msg('If the booking system did receive it, it tells the client; trying again never tells them twice.', {
      id: 'rc.error.client-maybe-told',
    });
  }
  return undefined;
}
