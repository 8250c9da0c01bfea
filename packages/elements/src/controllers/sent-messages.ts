import type { HostTransport, Notification } from '@raincheck/host-api/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a message is about, as the host's history names it. */
export type MessageKind = Notification['kind'];

/**
 * What the host recorded sending (or about to send) a session's client after a write, read from
 * its history endpoint: a success view says only what the host did, never what it was meant to.
 * `undefined` until read; `null` when the history could not be read.
 */
export class SentMessages implements ReactiveController {
  /** The write's messages, latest first; `null` when the host's history could not be read. */
  record: readonly Notification[] | null | undefined;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly transport: () => HostTransport,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the last write's messages (another session, another write). */
  reset(): void {
    this.record = undefined;
  }

  // Read after a write, by `readSentMessages` (internal/session-form.ts), in the decided phase.
}
