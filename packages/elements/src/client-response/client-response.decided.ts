import { msg, str } from '@lit/localize';
import {
  answerOfferRoute,
  getOfferRoute,
  HostResponseError,
  type HostTransport,
  type Offer,
  type Refund,
  type Slot,
} from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import type { ResponseSubmitDetail, ResponseSuccessDetail } from '../events/client-response-details.js';
import { ResponseErrorEvent, ResponseSubmitEvent, ResponseSuccessEvent } from '../events/client-response-events.js';
import type { WriteIntent } from '../controllers/write-once.js';
import { formatDateTime, formatTime, viewerTimeZone } from '../format/formatters.js';
import { formatMoney } from '../format/money.js';
import { hourIn, zoneCity, zoneLongName } from '../format/zones.js';
import type { WidgetErrorDetail } from '../internal/flow-element.js';
import { slotPicker, submitFooter } from '../internal/form-templates.js';
import { fieldStyles } from '../styles/field.styles.js';
import { formStyles } from '../styles/form.styles.js';
import { clientResponseStyles } from './client-response.styles.js';

// What <rc-client-response> loads beside the offer (the first load is its frame: the heading, the
// loading state, a failure): the offer's view and its styles, the write controller, the answer
// itself, and what shows after it (the success, an offer already answered or expired, a time
// taken meanwhile). The offer shows once both have arrived.
export { startWriter } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';

/** The offer's styles, in the order the widget adopts them after its own (the frame's). */
export const offerStyles = [fieldStyles, formStyles, clientResponseStyles] as const;

/** Times before this hour, or from `LATEST_USUAL_HOUR` on, in the client's zone are called unusual. */
const EARLIEST_USUAL_HOUR = 7;
const LATEST_USUAL_HOUR = 21;

/** The choice in the form: a slot id, or the refund. */
export type Choice = { readonly slotId: string } | 'refund';

/** The client's own zone: the one the host knows, else this browser's. */
export function clientZone(offer: Offer): string {
  return offer.session.client.timeZone ?? viewerTimeZone();
}

/** The cancelled session, and the zone its times are shown in when it is not this browser's. */
export function sessionSummary(offer: Offer, locale: string, zone: string): TemplateResult {
  return html`<p part="cancelled-session">
      ${msg(str`Your session on ${formatDateTime(offer.session.startsAt, locale, zone)} cannot go ahead. We are sorry.`, { id: 'rc.response.session' })}
      ${
        zone !== viewerTimeZone()
          ? html`<span class="zone">${msg(str`Times are shown in ${zoneCity(zone)} time (${zoneLongName(zone, locale, offer.session.startsAt)}).`, { id: 'rc.response.zone' })}</span>`
          : nothing
      }
    </p>`;
}

/** What the open offer's form reads from the widget, and how it answers. */
export interface OfferForm {
  readonly offer: Offer;
  readonly locale: string;
  /** The client's zone (see {@link clientZone}). */
  readonly zone: string;
  /** A write is in flight. */
  readonly busy: boolean;
  readonly choice: Choice | undefined;
  /** Offered times the host said were taken meanwhile. */
  readonly taken: ReadonlySet<string>;
  readonly choose: (choice: Choice) => void;
  readonly submit: (event: Event) => void;
}

/** The open offer: until when it is open, its times by day with their asides, the refund, the confirm button. */
export function offerForm({ offer, locale, zone, busy, choice, taken, choose, submit }: OfferForm): TemplateResult {
  // A refund the therapist asked for, waiting for the team: the client is not offered a second one.
  const withTeam = offer.session.refund?.status === 'pending-review' ? offer.session.refund : undefined;
  const refund = withTeam ? null : offer.refund;
  const remaining = offer.alternatives.filter((s) => !taken.has(s.id));
  const refundChoice = refund
    ? html`<label part="refund-choice" class="choice">
        <input type="radio" name="slot" value="refund" .checked=${choice === 'refund'} @change=${() => choose('refund')} />
        <span>
          ${msg(str`A refund of ${formatMoney(refund.amount.amount, refund.amount.currency, locale)} instead`, { id: 'rc.response.refund' })}
          ${refund.needsTeamReview ? html`<span class="hint">${msg('(the platform team confirms it first)', { id: 'rc.response.refund-review' })}</span>` : nothing}
        </span>
      </label>`
    : undefined;
  return html`
    ${
      withTeam
        ? html`<p part="refund-with-team">${msg(str`A refund of ${formatMoney(withTeam.amount.amount, withTeam.amount.currency, locale)} for this session is with the platform team, who let you know. Meanwhile you can choose a new time.`, { id: 'rc.response.refund-with-team' })}</p>`
        : nothing
    }
    <p part="expiry">${msg(str`Please choose by ${formatDateTime(offer.expiresAt, locale, zone)}.`, { id: 'rc.response.expires' })}</p>
    <form part="form" @submit=${submit} aria-busy=${busy ? 'true' : 'false'}>
      ${
        remaining.length === 0 && offer.alternatives.length > 0
          ? html`<p>${msg('All the offered times have been taken meanwhile.', { id: 'rc.response.all-taken' })}</p>`
          : nothing
      }
      ${slotPicker({
        slots: offer.alternatives,
        withinDays: 366,
        locale,
        multiple: false,
        selected: new Set(choice && choice !== 'refund' ? [choice.slotId] : []),
        legend: refund
          ? msg('Choose a new time, or a refund', { id: 'rc.response.legend' })
          : msg('Choose a new time', { id: 'rc.response.legend-times' }),
        disabled: busy,
        onChange: (slotId) => choose({ slotId }),
        timeZone: zone,
        unavailable: taken,
        aside: (slot) => slotAside(slot, offer.session.timeZone, locale, zone),
        ...(refundChoice ? { extra: refundChoice } : {}),
      })}
      ${submitFooter({
        missing: choice ? [] : [msg('Choose a time or the refund.', { id: 'rc.response.missing' })],
        showMissing: false,
        busy,
        teamRequest: false,
        label:
          choice === 'refund'
            ? msg('Choose the refund', { id: 'rc.response.submit-refund' })
            : msg('Book this time', { id: 'rc.response.submit' }),
      })}
    </form>
  `;
}

/** Beside a time: the therapist's clock when it reads otherwise, and a word when the hour is unusual for the client. */
function slotAside(slot: Slot, therapistZone: string, locale: string, zone: string): TemplateResult | typeof nothing {
  const theirs = formatTime(slot.startsAt, locale, therapistZone);
  const differs = theirs !== formatTime(slot.startsAt, locale, zone);
  const hour = hourIn(slot.startsAt, zone);
  const unusual =
    hour < EARLIEST_USUAL_HOUR
      ? msg('early morning for you', { id: 'rc.response.early' })
      : hour >= LATEST_USUAL_HOUR
        ? msg('late evening for you', { id: 'rc.response.late' })
        : undefined;
  if (!differs && !unusual) return nothing;
  return html`<span class="hint" part="slot-aside">(${[
    differs ? msg(str`${theirs} for your therapist`, { id: 'rc.response.therapist-time' }) : undefined,
    unusual,
  ]
    .filter(Boolean)
    .join(' · ')})</span>`;
}

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
