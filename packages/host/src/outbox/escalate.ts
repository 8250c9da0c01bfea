import { raiseTeamRequest } from '../core/effects.js';
import type { RequestContext } from '../core/handler.js';
import type { OutboxRow } from '../core/outbox.js';

/** Tells the platform team what the outbox could not do on its own: a message late or undeliverable, a refund refused. */
export async function escalate(
  context: RequestContext,
  row: OutboxRow,
  kind: 'notification-failed' | 'refund-failed',
  reason: string,
): Promise<void> {
  const session = await context.tx.session(row.sessionId);
  if (!session) return;
  await raiseTeamRequest(context, {
    kind,
    therapistId: session.therapistId,
    tenant: row.tenant,
    reason,
    sessionId: session.id,
    ...(row.refundId ? { refundId: row.refundId } : {}),
  });
}

/** "the email", "the SMS" … for a team request's sentence. */
export function channelName(channel: string | null): string {
  return channel === 'sms'
    ? 'the SMS'
    : channel === 'phone'
      ? 'the phone call'
      : channel === null
        ? 'the message'
        : `the ${channel}`;
}
