import type { RefundOrder } from '../delivery/types.js';
import type { RequestContext } from '../core/handler.js';
import type { OutboxRow } from '../core/outbox.js';
import type { StoreTransaction } from '../core/store.js';

/** The order a refund row asks the provider to carry out, or null when the refund is no longer waiting for it. */
export async function carryOutRefund(tx: StoreTransaction, row: OutboxRow): Promise<RefundOrder | null> {
  const refund = row.refundId === undefined ? undefined : await tx.refund(row.refundId);
  if (!refund || refund.status !== 'pending') return null;
  return {
    id: row.id,
    tenant: row.tenant,
    refundId: refund.id,
    sessionId: refund.sessionId,
    clientId: row.clientId,
    amount: refund.amount,
  };
}

/** The refund's status follows its row: issued once the provider took it, failed when it will not. */
export async function settleRefund(context: RequestContext, row: OutboxRow): Promise<void> {
  if (row.refundId === undefined || (row.outcome !== 'sent' && row.outcome !== 'late' && row.outcome !== 'failed'))
    return;
  const refund = await context.tx.refund(row.refundId);
  if (!refund || refund.status !== 'pending') return;
  await context.tx.putRefund({ ...refund, status: row.outcome === 'failed' ? 'failed' : 'issued' });
}
