import { msg, str } from '@lit/localize';
import {
  answerOfferRoute,
  getOfferRoute,
  HostResponseError,
  type HostTransport,
  type Offer,
  type Refund,
} from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import type { ResponseSubmitDetail, ResponseSuccessDetail } from '../events/client-response-details.js';
import { ResponseErrorEvent, ResponseSubmitEvent, ResponseSuccessEvent } from '../events/client-response-events.js';
import type { WriteIntent } from '../controllers/write-once.js';
import { formatDateTime } from '../format/formatters.js';
import { formatMoney } from '../format/money.js';
import type { WidgetErrorDetail } from '../internal/flow-element.js';

// What <rc-client-response> loads once the offer is there (fetched while the client reads it, awaited
// by a submit): the write controller, the answer itself, and what shows after it (the success, an
// offer already answered or expired, a time taken meanwhile). The offer's times and the submit
// button paint from the first load.
export { startWriter } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';

/** The choice in the form: a slot id, or the refund. */
export type Choice = { readonly slotId: string } | 'refund';

/** What the answer changes in the widget: a time struck out, the choice cleared, the offer read again, the result. */
export interface AnswerPatch {
  readonly taken?: ReadonlySet<string>;
  readonly choice?: undefined;
  readonly offer?: Offer;
  readonly result?: ResponseSuccessDetail;
}

/** What the answer needs from the widget. */
export interface Answering {
  readonly host: HostTransport;
  readonly token: string;
  readonly taken: ReadonlySet<string>;
  readonly patch: (patch: AnswerPatch) => void;
}

/** What a submit needs from the widget besides: its write (see `FlowElement.write`). */
export interface Submitting extends Answering {
  write(intent: WriteIntent<ResponseSuccessDetail>): Promise<ResponseSuccessDetail | undefined>;
}

/** Answers the offer with the choice: the submit event first (cancelable), then success or error. */
export async function submitAnswer(widget: Submitting, offer: Offer, choice: Choice): Promise<void> {
  const body =
    choice === 'refund' ? { choice: 'refund' as const } : { choice: 'alternative' as const, slotId: choice.slotId };
  const detail: ResponseSubmitDetail = { token: offer.token, ...body };
  await widget.write({
    submit: new ResponseSubmitEvent(detail),
    scope: offer.token,
    tellsClient: false,
    send: (keyFor) => answerOffer(widget, offer, choice, body, keyFor('', body)),
    succeeded: (result) => new ResponseSuccessEvent(result),
    failed: (failure) => new ResponseErrorEvent(failure),
  });
}

/** Sends the client's answer under its idempotency key; a refusal teaches the widget what changed. */
export async function answerOffer(
  widget: Answering,
  offer: Offer,
  choice: Choice,
  body: { readonly choice: 'refund' } | { readonly choice: 'alternative'; readonly slotId: string },
  idempotencyKey: string,
): Promise<ResponseSuccessDetail> {
  try {
    const result = await widget.host.send(answerOfferRoute, { token: offer.token, idempotencyKey, body });
    widget.patch({ result });
    return result;
  } catch (error) {
    learn(widget, error, choice);
    throw error;
  }
}

/** What a refusal teaches: a taken time is struck out; an answered or expired offer is read again. */
function learn(widget: Answering, error: unknown, choice: Choice): void {
  if (!(error instanceof HostResponseError)) return;
  if (error.code === 'slot-taken' && choice !== 'refund') {
    widget.patch({ taken: new Set([...widget.taken, choice.slotId]), choice: undefined });
  } else if (error.code === 'offer-answered' || error.code === 'offer-expired') {
    void widget.host
      .send(getOfferRoute, { token: widget.token })
      .then(({ offer }) => widget.patch({ offer }))
      .catch(() => undefined);
  }
}

/** The failure as the client reads it: a time taken meanwhile in the page's language, not the host's words. */
export function shownFailure(failure: WidgetErrorDetail | undefined): WidgetErrorDetail | undefined {
  if (failure?.code !== 'slot-taken') return failure;
  return {
    ...failure,
    message: msg('That time is no longer free. Choose another one.', { id: 'rc.response.slot-taken' }),
  };
}

/** An offer that can no longer be answered: what happened, and what the client can still do. */
export function closedView(offer: Offer, locale: string, zone: string): TemplateResult {
  const answer = offer.answer;
  const slot = answer?.slotId ? offer.alternatives.find((s) => s.id === answer.slotId) : undefined;
  return html`<div part="next closed" role="status">
      ${
        offer.status === 'expired'
          ? html`<p>${msg(str`This offer closed on ${formatDateTime(offer.expiresAt, locale, zone)}.`, { id: 'rc.response.expired' })}</p>`
          : html`<p>
            ${
              answer?.choice === 'refund'
                ? msg('You have already chosen a refund.', { id: 'rc.response.answered-refund' })
                : slot
                  ? msg(str`You have already booked ${formatDateTime(slot.startsAt, locale, zone)}.`, {
                      id: 'rc.response.answered-slot',
                    })
                  : msg('This offer has already been answered.', { id: 'rc.response.answered' })
            }
          </p>`
      }
      <p>${msg('To choose another time or ask about a refund, reply to the message you received or contact your therapist.', { id: 'rc.response.contact' })}</p>
    </div>`;
}

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

/** After the answer: the refund chosen or the new time booked, and what happens next. */
export function successView(result: ResponseSuccessDetail, locale: string, zone: string): TemplateResult {
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
