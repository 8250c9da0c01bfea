import { msg } from '@lit/localize';
import { getOfferRoute, type Offer } from '@raincheck/host-api/client';
import { nothing, type TemplateResult } from 'lit';
import type { ResponseSuccessDetail } from '../events/client-response-details.js';
export * from '../events/client-response-events.js';
import { ResponseErrorEvent, ResponseSubmitEvent, ResponseSuccessEvent } from '../events/client-response-events.js';
import type { FailureWordingModule } from '../internal/failure.js';
import { adoptSheet } from '../internal/adopt-sheet.js';
import { FlowElement } from '../internal/flow-element.js';
import { frame } from '../internal/frame.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';

export type {
  ResponseSubmitDetail,
  ResponseSuccessDetail,
  ResponseErrorDetail,
} from '../events/client-response-details.js';
type Choice = import('./client-response.decided.js').Choice;
/**
 * What <rc-client-response> loads beside the offer: the offer's view with its styles, the write,
 * and what shows after it. The first load is the frame: the heading, loading, a failure.
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
  /** The offer's own styles come with its view, in the lazy module (adopted as it arrives). */
  static override styles = [baseStyles, sessionFlowStyles];
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

  /** The lazy module, once loaded: the offer shows only with it, so a submit starts as the click happens. */
  #decided: ResponseDecided | undefined;

  /**
   * The offer's view, the write and the views after the answer, imported as the offer's load starts.
   * Not loaded (offline, a redeploy): the load fails, and "Try again" imports it again.
   */
  protected override importWriter(): ResponseDecided | Promise<ResponseDecided> {
    return (
      this.#decided ??
      import('./client-response.decided.js').then((loaded) => {
        // Before the offer's first render, so its times never paint unstyled.
        for (const sheet of loaded.offerStyles) adoptSheet(this, sheet);
        return (this.#decided = loaded);
      })
    );
  }

  /** Its failures' wording comes with the same lazy module (its only `import()`: Vite splits a first load at three). */
  protected override importFailureWording(): Promise<FailureWordingModule> {
    return Promise.resolve(this.importWriter());
  }

  protected get subject(): string {
    return this.token;
  }

  protected async loadSubject(signal: AbortSignal): Promise<void> {
    // The view's module travels beside the offer's read, not after it.
    const views = Promise.resolve(this.importWriter());
    views.catch(() => undefined);
    const { offer } = await this.host.send(getOfferRoute, { token: this.token, signal });
    signal.throwIfAborted();
    // Loading until both are there: the offer shows whole, never without its view.
    await views;
    signal.throwIfAborted();
    this.offer = offer;
  }

  #submit(event: Event): void {
    event.preventDefault();
    const { offer, choice } = this;
    // The form shows only once the lazy module is there: the answer starts as the click happens.
    const decided = this.#decided;
    if (!offer || offer.status !== 'open' || !choice || !decided) return;
    void decided.submitAnswer(
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
    const decided = this.#decided;
    // The offer is set only once its view's module is there (see loadSubject).
    const offer = decided ? this.offer : undefined;
    const locale = this.formatLocale;
    const zone = decided && offer ? decided.clientZone(offer) : '';
    if (this.state === 'success' && this.result && decided) return decided.successView(this.result, locale, zone);
    return frame({
      heading: msg('Your session was cancelled', { id: 'rc.response.heading' }),
      status: this.state === 'loading' ? msg('Loading your options…', { id: 'rc.response.loading' }) : undefined,
      summary: decided && offer ? decided.sessionSummary(offer, locale, zone) : nothing,
      // A time taken meanwhile (only a write learns it) reads in the page's language, not the host's words.
      failure: this.state === 'error' ? (decided ? decided.shownFailure(this.failure) : this.failure) : undefined,
      onRetry: this.failure?.retryable
        ? () => (offer ? this.#submit(new Event('submit')) : void this.load())
        : undefined,
      body:
        decided && offer
          ? offer.status === 'open'
            ? decided.offerForm({
                offer,
                locale,
                zone,
                busy: this.state === 'submitting',
                choice: this.choice,
                taken: this.taken,
                choose: (choice) => (this.choice = choice),
                submit: (event) => this.#submit(event),
              })
            : decided.closedView(offer, locale, zone)
          : nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-client-response': RcClientResponse;
  }
}
