import { msg, str } from '@lit/localize';
import type { Refund } from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import type { ResponseSuccessDetail } from '../events/client-response-details.js';
import { formatDateTime, formatMoney } from '../format/formatters.js';

// What <rc-client-response> loads once the offer is shown, while the client reads it: the write
// controller that sends the answer (FlowElement.importWriter) and the view after it.
export { WriteController } from '../controllers/write-once.js';

/** What happens next to the refund the client chose. */
function refundNext(refund: Refund, locale: string): string {
  const amount = formatMoney(refund.amount.amount, refund.amount.currency, locale);
  switch (refund.status) {
    case 'pending-review':
      return msg(str`The platform team confirms your refund of ${amount} and lets you know.`, {
        id: 'rc.response.next-review',
      });
    case 'failed':
      return msg(str`Your refund of ${amount} could not be issued yet; the platform team is on it and lets you know.`, {
        id: 'rc.response.next-failed',
      });
    case 'declined':
      return msg(str`The platform team did not issue the refund of ${amount}; your therapist lets you know why.`, {
        id: 'rc.response.next-declined',
      });
    default:
      return msg(str`${amount} is on its way back to you, by the way you paid.`, { id: 'rc.response.next-refund' });
  }
}

/** After the answer: what the host booked, or what happens to the refund, in the client's zone. */
export function answeredView(result: ResponseSuccessDetail, locale: string, zone: string): TemplateResult {
  const slotId = result.offer.answer?.slotId;
  const slot = slotId ? result.offer.alternatives.find((s) => s.id === slotId) : undefined;
  return html`
    <h2 part="heading" tabindex="-1">
      ${result.refund ? msg('Refund chosen', { id: 'rc.response.done-refund' }) : msg('New time booked', { id: 'rc.response.done' })}
    </h2>
    <div part="next" role="status">
      <p>
        ${
          result.refund
            ? refundNext(result.refund, locale)
            : slot
              ? msg(str`Your session is now on ${formatDateTime(slot.startsAt, locale, zone)}.`, {
                  id: 'rc.response.next',
                })
              : nothing
        }
      </p>
    </div>
  `;
}
