import type { Handlers } from '../handler.js';
import { notificationHistory } from '../notification-history.js';
import { accessibleSession } from '../records.js';

/** What the host told a session's client, and how delivery went: for the therapist who owns it, the team and admins. */
export const notificationHandlers = {
  getSessionNotifications: async ({ sessionId }, context) => {
    const session = await accessibleSession(context, sessionId);
    return { notifications: notificationHistory(await context.tx.outboxOf(session.id), context.nowMs) };
  },

  getOfferNotifications: async ({ sessionId }, context) => {
    const session = await accessibleSession(context, sessionId);
    const rows = await context.tx.outboxOf(session.id);
    // The latest offer: the one the session's last cancellation made.
    const latest = rows
      .filter((row) => row.offerTokenHash !== undefined && row.message === 'session-cancelled')
      .at(-1)?.offerTokenHash;
    // No offer messages (never cancelled, or an offer made before the outbox): none to show.
    if (latest === undefined) return { notifications: [] };
    return {
      notifications: notificationHistory(
        rows.filter((row) => row.offerTokenHash === latest),
        context.nowMs,
      ),
    };
  },
} satisfies Partial<Handlers>;
