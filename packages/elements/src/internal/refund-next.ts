import { msg, str } from '@lit/localize';
import type { Refund } from '@raincheck/host-api/client';
import { formatMoney } from '../format/money.js';

/** What happens next to a refund the host took: on its way, or with the team; or that the team declined it. */
export function refundNext(refund: Refund, locale: string): string {
  const amount = formatMoney(refund.amount.amount, refund.amount.currency, locale);
  switch (refund.status) {
    case 'declined':
      return refund.reviewNote
        ? msg(str`The platform team reviewed the refund of ${amount} and did not issue it.`, {
            id: 'rc.refund.declined-with-note',
          })
        : msg(
            str`The platform team reviewed the refund of ${amount} and did not issue it. Ask the team if you want to know why.`,
            { id: 'rc.refund.declined-next' },
          );
    case 'pending-review':
      return msg(
        str`The platform team reviews the refund of ${amount} and tells you and the client when it is decided.`,
        { id: 'rc.refund.next-review' },
      );
    case 'pending':
      return msg(str`The refund of ${amount} is being sent to the client, by the way they paid.`, {
        id: 'rc.refund.next-pending',
      });
    case 'failed':
      return msg(
        str`The refund of ${amount} could not be issued; the platform team is on it and tells you when it is sorted.`,
        { id: 'rc.refund.next-failed' },
      );
    default:
      return msg(str`${amount} is on its way back to the client, by the way they paid.`, { id: 'rc.refund.next' });
  }
}
