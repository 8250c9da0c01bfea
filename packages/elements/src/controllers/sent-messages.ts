import { getSessionNotificationsRoute, type HostTransport, type Notification } from '@raincheck/host-api/client';
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
    private readonly host: ReactiveControllerHost,
    private readonly transport: () => HostTransport,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets the last write's messages (another session, another write). */
  reset(): void {
    this.record = undefined;
  }

  /**
   * Reads the session's history and keeps the latest messages of `kinds`: the ones
   * the write just committed. A failed read is not the write's failure: it is kept as `null`.
   */
  async read(sessionId: string, kinds: readonly MessageKind[]): Promise<void> {
    try {
      const { notifications } = await this.transport().send(getSessionNotificationsRoute, { sessionId });
      const relevant = notifications.filter((n) => kinds.includes(n.kind));
      const latest = relevant.reduce((at, n) => (n.at > at ? n.at : at), '');
      this.record = relevant.filter((n) => n.at === latest);
    } catch {
      this.record = null;
    }
    this.host.requestUpdate();
  }
}
