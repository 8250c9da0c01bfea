import { msg, str } from '@lit/localize';
import { type DecisionShown, type EndpointResponse, type Refund, refundSessionRoute, type Session } from '@raincheck/host-api/client';
import type { Facts } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../format/formatters.js';
import { refundNext } from '../internal/form-templates.js';
import { SessionFlowElement, type WidgetErrorDetail } from '../internal/session-flow.js';
import { sessionSummary } from '../internal/templates.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { refundRequestStyles } from './refund-request.styles.js';

type RefundViews = typeof import('./refund-request.views.js');

/** `rc-refund-submit`: cancelable, fired before the write. `preventDefault()` stops it. */
export interface RefundSubmitDetail {
  readonly sessionId: string;
  readonly note: string;
  /** In minor units of `currency`. */
  readonly amount: number;
  readonly currency: string;
  /** `self-serve`: issued at once; `team-review`: the platform team confirms it first. */
  readonly mode: 'self-serve' | 'team-review';
  readonly decision: DecisionShown;
}

/** `rc-refund-success`: the host's answer (the refund, and the team request when it is reviewed). */
export type RefundSuccessDetail = EndpointResponse<'refundSession'>;

/** `rc-refund-error`: what went wrong; everything entered is kept. */
export type RefundErrorDetail = WidgetErrorDetail;

/**
 * @customElement rc-refund-request
 * @summary Refunds a cancelled session from the dashboard: shows what the policy allows and why,
 * asks for a reason where one is required, then issues the refund or sends it for team review.
 * A refund is never issued twice, whatever the clicks, retries or reloads. A session that already
 * has a refund shows its fate instead: issued, waiting for the team, or declined by it.
 *
 * @event rc-refund-submit - Cancelable, before the write. `detail`: {@link RefundSubmitDetail}.
 * @event rc-refund-success - The host issued the refund or took it for review. `detail`: {@link RefundSuccessDetail}.
 * @event rc-refund-error - The write failed; everything entered is kept. `detail`: {@link RefundErrorDetail}.
 * @event rc-decision - The policy decided again (loaded, typed, rules changed). `detail`: {@link DecisionDetail}.
 *
 * @csspart heading - The heading of the current state.
 * @csspart session - The session's date, time and client.
 * @csspart form - The form.
 * @csspart note - The reason field.
 * @csspart decision - What the policy allows, and why.
 * @csspart effect - One effect of the decision.
 * @csspart refund-effect - The refund, among the effects.
 * @csspart explanation - A rule's own explanation of an effect.
 * @csspart submit - The confirm button.
 * @csspart status - Loading and progress messages.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart next - What happens next, after success.
 * @csspart refund-status - The session's refund, when it already has one: issued, with the team, or declined.
 * @csspart review-note - The platform team's note on the refund it approved or declined.
 * @csspart review-note-label - The label before the team's note.
 *
 * @cssproperty --rc-color-accent - Buttons and selected controls.
 * @cssproperty --rc-color-text - Text.
 * @cssproperty --rc-color-surface - Background.
 * @cssproperty --rc-color-border - Borders.
 * @cssproperty --rc-color-danger - Errors.
 * @cssproperty --rc-color-warning - Warnings.
 * @cssproperty --rc-radius - Corner radius.
 * @cssproperty --rc-font-family - Font.
 * @cssproperty --rc-color-scheme - `light`, `dark` or `light dark` (default: follow the system): picks the light or dark colours and native controls.
 */
export class RcRefundRequest extends SessionFlowElement<RefundViews> {
  static override styles = [baseStyles, sessionFlowStyles, refundRequestStyles];

  static override properties = {
    ...SessionFlowElement.properties,
    note: { state: true },
    result: { state: true },
  };

  private declare note: string;
  private declare result: RefundSuccessDetail | undefined;

  protected readonly action = 'refund';
  protected override readonly needsSlots = false;

  constructor() {
    super();
    this.note = '';
  }

  protected requestFacts(): NonNullable<Facts['request']> {
    return this.note ? { note: this.note } : {};
  }

  get #missing(): string[] {
    return this.noteShortfall(this.note);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const { session, decision } = this;
    if (!session || !decision?.refund || this.mode === 'blocked' || this.#missing.length > 0) return;
    const shown = this.shownDecision(decision);
    const detail: RefundSubmitDetail = {
      sessionId: session.id,
      note: this.note,
      amount: decision.refund.amount,
      currency: decision.refund.currency,
      mode: decision.refund.mode === 'team-review' ? 'team-review' : 'self-serve',
      decision: shown,
    };
    const body = { ...(this.note ? { note: this.note } : {}), decision: shown };
    await this.write('rc-refund', detail, body, async (idempotencyKey) => (this.result = await this.host.send(refundSessionRoute, { sessionId: session.id, version: session.version, idempotencyKey, body })));
  }

  protected importViews(): Promise<RefundViews> {
    return import('./refund-request.views.js');
  }

  protected override render(): TemplateResult {
    const { decision, views } = this;
    if (this.state === 'success' && this.result && views) return views.refundSuccess(this.result, this.formatLocale);
    // A refund asked for before (here, or with the attendance update): its fate, not a second one.
    if (this.session?.refund) return this.#renderExisting(this.session, this.session.refund);
    const form =
      decision && views
        ? views.refundForm({
            ...this.formProps(decision, this.#missing, (event) => this.#submit(event)),
            note: this.note,
            noteMinLength: this.noteMinLength,
            onNote: (note) => this.input(() => (this.note = note)),
          })
        : nothing;
    return this.renderFrame(msg('Refund the session', { id: 'rc.refund.heading' }), () => void this.#submit(new Event('submit')), form);
  }

  /** The session's refund as the host has it: issued, waiting for the team, or declined by it. */
  #renderExisting(session: Session, refund: Refund): TemplateResult {
    const locale = this.formatLocale;
    const heading =
      refund.status === 'issued'
        ? msg('Refund issued', { id: 'rc.refund.done' })
        : refund.status === 'pending-review'
          ? msg('With the team for review', { id: 'rc.refund.pending' })
          : msg('Refund declined by the team', { id: 'rc.refund.declined' });
    const amount = formatMoney(refund.amount.amount, refund.amount.currency, locale);
    return html`
      <h2 part="heading" tabindex="-1">${heading}</h2>
      ${sessionSummary(session, locale)}
      <div part="refund-status" role="status">
        <p>
          ${refund.status === 'declined'
            ? refund.reviewNote
              ? msg(str`The platform team reviewed the refund of ${amount} and did not issue it.`, { id: 'rc.refund.declined-with-note' })
              : msg(str`The platform team reviewed the refund of ${amount} and did not issue it. Ask the team if you want to know why.`, { id: 'rc.refund.declined-next' })
            : refundNext(refund, locale)}
        </p>
        ${refund.reviewNote
          ? html`<p part="review-note"><span part="review-note-label">${msg('The team’s note:', { id: 'rc.refund.review-note' })}</span> ${refund.reviewNote}</p>`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-refund-request': RcRefundRequest;
  }
  interface HTMLElementEventMap {
    'rc-refund-submit': CustomEvent<RefundSubmitDetail>;
    'rc-refund-success': CustomEvent<RefundSuccessDetail>;
    'rc-refund-error': CustomEvent<RefundErrorDetail>;
  }
}
