import { msg, str } from '@lit/localize';
import type { Refund } from '@raincheck/host-api/client';
import { formatMoney } from '../format/money.js';

/** What happens next to a refund the host took: on its way, or with the team. */
export function refundNext(refund: Refund, locale: string): string {
  const amount = formatMoney(refund.amount.amount, refund.amount.currency, locale);
  switch (refund.status) {
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

/** A refund the host already has, in words: what happens next, or that the team declined it. */
export function refundFate(refund: Refund, locale: string): string {
  if (refund.status !== 'declined') return refundNext(refund, locale);
  const amount = formatMoney(refund.amount.amount, refund.amount.currency, locale);
  return refund.reviewNote
    ? msg(str`The platform team reviewed the refund of ${amount} and did not issue it.`, {
        id: 'rc.refund.declined-with-note',
      })
    : msg(
        str`The platform team reviewed the refund of ${amount} and did not issue it. Ask the team if you want to know why.`,
        { id: 'rc.refund.declined-next' },
      );
}

/** The heading for a refund the host already has, by its status (and for a write's, but one sent for review). */
export function refundHeading(status: Refund['status']): string {
  switch (status) {
    case 'issued':
      return msg('Refund issued', { id: 'rc.refund.done' });
    case 'pending-review':
      return msg('With the team for review', { id: 'rc.refund.pending' });
    case 'pending':
      return msg('Refund on its way', { id: 'rc.refund.on-its-way' });
    case 'failed':
      return msg('The refund could not be issued; the platform team is on it', { id: 'rc.refund.failed' });
    default:
      return msg('Refund declined by the team', { id: 'rc.refund.declined' });
  }
}
