import { msg, str } from '@lit/localize';
import { getOfferRoute, type Offer, type Slot } from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatTime, viewerTimeZone } from '../format/formatters.js';
import { formatMoney } from '../format/money.js';
import { hourIn, zoneCity, zoneLongName } from '../format/zones.js';
import type { ResponseSuccessDetail } from '../events/client-response-details.js';
export * from '../events/client-response-events.js';
import { ResponseErrorEvent, ResponseSubmitEvent, ResponseSuccessEvent } from '../events/client-response-events.js';
import type { FailureWordingModule } from '../internal/failure.js';
import { FlowElement } from '../internal/flow-element.js';
import { slotPicker, submitFooter } from '../internal/form-templates.js';
import { frame } from '../internal/frame.js';
import { baseStyles } from '../styles/tokens.js';
import { fieldStyles } from '../styles/field.styles.js';
import { formStyles } from '../styles/form.styles.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { clientResponseStyles } from './client-response.styles.js';

export type {
  ResponseSubmitDetail,
  ResponseSuccessDetail,
  ResponseErrorDetail,
} from '../events/client-response-details.js';
/** Times before this hour, or from `LATEST_USUAL_HOUR` on, in the client's zone are called unusual. */
const EARLIEST_USUAL_HOUR = 7;
const LATEST_USUAL_HOUR = 21;

type Choice = import('./client-response.decided.js').Choice;
/**
 * What <rc-client-response> loads once the offer is there (the write, and what shows after it):
 * fetched while the client reads the offer; a submit waits for it.
 */
type ResponseDecided = typeof import('./client-response.decided.js');

/**
 * @customElement rc-client-response
 * @summary What a client sees after their therapist cancels: opened from the token in their
 * notification, it shows the cancelled session and the offered times in the client's own time zone,
 * and lets them take one time or choose the refund (saying when the team confirms a refund first).
 * An expired offer, a time taken meanwhile or an offer already answered each get a clear message
 * and the remaining choices. The host decided the offer; this view makes no policy decision.
 *
 *
 * @csspart heading - The heading of the current state.
 * @csspart cancelled-session - The session that was cancelled.
 * @csspart expiry - Until when the offer is open.
 * @csspart form - The form.
 * @csspart alternatives - The offered times and the refund, one choice.
 * @csspart day - One day's times.
 * @csspart slot - One offered time.
 * @csspart slot-taken - A time taken meanwhile.
 * @csspart slot-aside - Beside a time: the therapist's time when it reads differently, and an unusual hour for the client.
 * @csspart refund-with-team - The refund the therapist asked for, while it waits for the platform team.
 * @csspart refund-choice - The refund choice.
 * @csspart submit - The confirm button.
 * @csspart status - Loading and progress messages.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart next - What happens next: after the answer, or for an expired or answered offer.
 * @csspart closed - With `next`, an offer that can no longer be answered (expired or answered): a neutral bar.
 *
 * @cssproperty --rc-color-accent - Buttons and selected controls.
 * @cssproperty --rc-color-text - Text.
 * @cssproperty --rc-color-surface - Background.
 * @cssproperty --rc-color-border - Borders.
 * @cssproperty --rc-color-danger - Errors.
 * @cssproperty --rc-radius - Corner radius.
 * @cssproperty --rc-font-family - Font.
 * @cssproperty --rc-color-scheme - `light`, `dark` or `light dark` (default: follow the system): picks the light or dark colours and native controls.
 */
export class RcClientResponse extends FlowElement {
  static override styles = [baseStyles, sessionFlowStyles, fieldStyles, formStyles, clientResponseStyles];
  /** The events it fires, as the manifest lists them. */
  static readonly events = [ResponseSubmitEvent, ResponseSuccessEvent, ResponseErrorEvent] as const;

  static override properties = {
    ...FlowElement.properties,
    token: { reflect: true },
    offer: { state: true },
    choice: { state: true },
    taken: { state: true },
    result: { state: true },
  };

  /** The offer's token, from the link in the client's notification. */
  declare token: string;
  declare private offer: Offer | undefined;
  declare private choice: Choice | undefined;
  /** Offered times the host said were taken meanwhile. */
  declare private taken: ReadonlySet<string>;
  declare private result: ResponseSuccessDetail | undefined;

  constructor() {
    super();
    this.token = '';
    this.taken = new Set();
  }

  /** The lazy module, once loaded: then a submit starts as the click happens. */
  #decided: ResponseDecided | undefined;

  /**
   * The client answers with no decision before: its write controller comes with the views after the answer.
   * Not loaded (offline, a redeploy): the next submit or load imports it again.
   */
  protected override importWriter(): ResponseDecided | Promise<ResponseDecided> {
    return this.#decided ?? import('./client-response.decided.js').then((loaded) => (this.#decided = loaded));
  }

  /** Its failures' wording comes with the same lazy module (its only `import()`: Vite splits a first load at three). */
  protected override importFailureWording(): Promise<FailureWordingModule> {
    return Promise.resolve(this.importWriter());
  }

  protected get subject(): string {
    return this.token;
  }

  protected async loadSubject(signal: AbortSignal): Promise<void> {
    const { offer } = await this.host.send(getOfferRoute, { token: this.token, signal });
    signal.throwIfAborted();
    // An offer that can no longer be answered shows what the lazy module says: loading until it is there.
    if (offer.status !== 'open') await this.importWriter();
    signal.throwIfAborted();
    this.offer = offer;
  }

  /** The client's own zone: the one the host knows, else this browser's. */
  get #zone(): string {
    return this.offer?.session.client.timeZone ?? viewerTimeZone();
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const { offer, choice } = this;
    if (!offer || offer.status !== 'open' || !choice) return;
    // The answer's write comes with the lazy module (loaded while the client reads the offer): at once when it is there.
    let decided: ResponseDecided;
    try {
      decided = this.#decided ?? (await this.importWriter());
    } catch (error) {
      // Nothing was sent; "Try again" loads it again.
      this.fail(error);
      return;
    }
    await decided.submitAnswer(
      {
        host: this.host,
        token: this.token,
        taken: this.taken,
        patch: (patch) => Object.assign(this, patch),
        write: (intent) => this.write(intent),
      },
      offer,
      choice,
    );
  }

  protected override render(): TemplateResult {
    const offer = this.offer;
    const decided = this.#decided;
    if (this.state === 'success' && this.result && decided)
      return decided.successView(this.result, this.formatLocale, this.#zone);
    return frame({
      heading: msg('Your session was cancelled', { id: 'rc.response.heading' }),
      status: this.state === 'loading' ? msg('Loading your options…', { id: 'rc.response.loading' }) : undefined,
      summary: offer ? this.#renderSession(offer) : nothing,
      // A time taken meanwhile (only a write learns it) reads in the page's language, not the host's words.
      failure: this.state === 'error' ? (decided ? decided.shownFailure(this.failure) : this.failure) : undefined,
      onRetry: this.failure?.retryable
        ? () => (offer ? void this.#submit(new Event('submit')) : void this.load())
        : undefined,
      body: offer
        ? offer.status === 'open'
          ? this.#renderForm(offer)
          : (decided?.closedView(offer, this.formatLocale, this.#zone) ?? nothing)
        : nothing,
    });
  }

  #renderSession(offer: Offer): TemplateResult {
    const zone = this.#zone;
    return html`<p part="cancelled-session">
      ${msg(str`Your session on ${formatDateTime(offer.session.startsAt, this.formatLocale, zone)} cannot go ahead. We are sorry.`, { id: 'rc.response.session' })}
      ${
        zone !== viewerTimeZone()
          ? html`<span class="zone">${msg(str`Times are shown in ${zoneCity(zone)} time (${zoneLongName(zone, this.formatLocale, offer.session.startsAt)}).`, { id: 'rc.response.zone' })}</span>`
          : nothing
      }
    </p>`;
  }

  #renderForm(offer: Offer): TemplateResult {
    const busy = this.state === 'submitting';
    const locale = this.formatLocale;
    // A refund the therapist asked for, waiting for the team: the client is not offered a second one.
    const withTeam = offer.session.refund?.status === 'pending-review' ? offer.session.refund : undefined;
    const refund = withTeam ? null : offer.refund;
    const choice = this.choice;
    const remaining = offer.alternatives.filter((s) => !this.taken.has(s.id));
    const refundChoice = refund
      ? html`<label part="refund-choice" class="choice">
          <input type="radio" name="slot" value="refund" .checked=${choice === 'refund'} @change=${() => (this.choice = 'refund')} />
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
      <p part="expiry">${msg(str`Please choose by ${formatDateTime(offer.expiresAt, locale, this.#zone)}.`, { id: 'rc.response.expires' })}</p>
      <form part="form" @submit=${(e: Event) => void this.#submit(e)} aria-busy=${busy ? 'true' : 'false'}>
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
          onChange: (slotId) => (this.choice = { slotId }),
          timeZone: this.#zone,
          unavailable: this.taken,
          aside: (slot) => this.#slotAside(slot, offer.session.timeZone),
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
  #slotAside(slot: Slot, therapistZone: string): TemplateResult | typeof nothing {
    const locale = this.formatLocale;
    const zone = this.#zone;
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
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-client-response': RcClientResponse;
  }
}
