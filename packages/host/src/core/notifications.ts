import type { OutboxRow } from './outbox.js';
import type { StoredNotification } from './store.js';

/**
 * The notifications outbox rows make up: one per effect (its rows, one per channel, grouped), in
 * write order. `immediateOnly` leaves out messages scheduled for later (follow-ups).
 */
export function notificationsOf(
  rows: readonly OutboxRow[],
  options: { readonly immediateOnly?: boolean } = {},
): StoredNotification[] {
  const byEffect = new Map<string, { notification: StoredNotification; channels: string[] }>();
  for (const row of rows) {
    if (row.kind !== 'message' || !row.message || row.channel === null) continue;
    if (options.immediateOnly && row.runAt !== row.createdAt) continue;
    let entry = byEffect.get(row.effectId);
    if (!entry) {
      const channels: string[] = [];
      entry = {
        channels,
        notification: {
          id: row.effectId,
          clientId: row.clientId,
          sessionId: row.sessionId,
          kind: row.message,
          channels,
          at: row.createdAt,
        },
      };
      byEffect.set(row.effectId, entry);
    }
    entry.channels.push(row.channel);
  }
  return [...byEffect.values()].map((entry) => entry.notification);
}
