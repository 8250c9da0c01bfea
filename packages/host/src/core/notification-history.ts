import type { DeliveryStatus, Notification } from '@raincheck/host-api';
import type { MessageKind } from '../delivery/types.js';
import type { OutboxRow } from './outbox.js';

// A session's messages as the history endpoints show them: each notification (one effect) with
// where each of its channels stands.

/** Where one row stands at `nowMs`. */
export function deliveryStatus(row: OutboxRow, nowMs: number): DeliveryStatus {
  if (row.outcome !== null) return row.outcome;
  if (row.lockedUntil !== null && Date.parse(row.lockedUntil) > nowMs) return 'sending';
  if (row.attempts > 0) return 'retrying';
  return Date.parse(row.runAt) > nowMs ? 'scheduled' : 'due';
}

/** The notifications `rows` make up (message rows only), oldest first. */
export function notificationHistory(rows: readonly OutboxRow[], nowMs: number): Notification[] {
  const byEffect = new Map<string, { notification: Notification; deliveries: Notification['deliveries'][number][] }>();
  for (const row of rows) {
    if (row.kind !== 'message' || !row.message || row.channel === null) continue;
    let entry = byEffect.get(row.effectId);
    if (!entry) {
      const deliveries: Notification['deliveries'][number][] = [];
      entry = {
        deliveries,
        notification: {
          id: row.effectId,
          kind: row.message,
          at: row.createdAt,
          dueAt: row.runAt,
          deadlineAt: row.deadlineAt,
          deliveries,
        },
      };
      byEffect.set(row.effectId, entry);
    }
    entry.deliveries.push({
      id: row.id,
      channel: row.channel,
      status: deliveryStatus(row, nowMs),
      attempts: row.attempts,
      ...(row.doneAt === null ? {} : { doneAt: row.doneAt }),
      ...(row.lastError === null ? {} : { lastError: row.lastError }),
    });
  }
  return [...byEffect.values()].map((entry) => entry.notification);
}

/** The contract's message kinds and the delivery seam's are one list: this fails to compile when they part. */
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const MESSAGE_KINDS_AGREE: SameKinds<MessageKind, Notification['kind']> = true;
