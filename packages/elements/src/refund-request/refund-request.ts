import { msg } from '@lit/localize';
import { nothing, type TemplateResult } from 'lit';
import { PolicyDecision } from '../controllers/policy-decision.js';
import { SessionSubject } from '../controllers/session-subject.js';
import { SentMessages } from '../controllers/sent-messages.js';
import { DecisionEvent } from '../events/decision-event.js';
import { RefundErrorEvent, RefundSubmitEvent, RefundSuccessEvent } from '../events/refund-request-events.js';
import { FlowElement, type WriterModule } from '../internal/flow-element.js';
import { frame } from '../internal/frame.js';
import type { RefundSuccessDetail } from '../events/refund-request-details.js';
import type { RefundFlow } from './refund-request.decided.js';
export * from '../events/refund-request-events.js';
import { sessionSummary } from '../internal/templates.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { refundRequestStyles } from './refund-request.styles.js';

type RefundViews = typeof import('./refund-request.decided.js');
/** What <rc-refund-request> loads once there is something to decide: its views, the engine and the write controller, one chunk. */
const importDecided = (): Promise<RefundViews> => import('./refund-request.decided.js');

export type { RefundSubmitDetail, RefundSuccessDetail, RefundErrorDetail } from '../events/refund-request-details.js';

/**
 * @customElement rc-refund-request
 * @summary Refunds a cancelled session from the dashboard: shows what the policy allows and why,
 * asks for a reason where one is required, then issues the refund or sends it for team review.
 * A refund is never issued twice, whatever the clicks, retries or reloads. A session that already
 * has a refund shows its fate instead: on its way, issued, failed (the team is on it), waiting for the team, or declined by it.
 *
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
 * @csspart sent - What the host recorded sending the client after the write, and when.
 * @csspart refund-status - The session's refund, when it already has one: on its way, issued, failed, with the team, or declined.
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
export class RcRefundRequest extends FlowElement {
  static override styles = [baseStyles, sessionFlowStyles, refundRequestStyles];

  /** The events it fires, as the manifest lists them. */
  static readonly events = [RefundSubmitEvent, RefundSuccessEvent, RefundErrorEvent, DecisionEvent] as const;

  static override properties = {
    ...FlowElement.properties,
    sessionId: { attribute: 'session-id', reflect: true },
    note: { state: true },
    result: { state: true },
  };

  declare private note: string;
  declare private result: RefundSuccessDetail | undefined;

  /** The session this widget changes. */
  declare sessionId: string;

  readonly #subject = new SessionSubject(this, () => this.host, false);
  readonly #sent = new SentMessages(this, () => this.host);
  readonly #policy = new PolicyDecision<RefundViews>(this, {
    action: 'refund',
    importViews: importDecided,
    requestFacts: () => (this.note ? { note: this.note } : {}),
    ...this.policyContext(),
  });
  /** What the decided form and the write read and change of this widget. */
  readonly #flow: RefundFlow = {
    policy: this.#policy,
    subject: this.#subject,
    sent: this.#sent,
    ...this.flowOf(() => ({
      note: this.note,
      result: this.result,
      failure: this.failure,
    })),
  };

  constructor() {
    super();
    this.sessionId = '';
    this.note = '';
  }

  protected override importWriter(): WriterModule | Promise<WriterModule> {
    // Loaded with the views, which a submit needs first: then at once, as the click happens.
    return this.#policy.views ?? importDecided();
  }

  protected get subject(): string {
    return this.sessionId;
  }

  protected override resetSubject(): void {
    this.#policy.reset();
    this.#sent.reset();
  }

  protected async loadSubject(signal: AbortSignal): Promise<void> {
    this.#policy.facts = await this.#subject.load(this.sessionId, signal, () => this.#policy.prefetch());
    await this.#policy.decide();
  }

  protected override render(): TemplateResult {
    const { decision, views } = this.#policy;
    if (this.state === 'success' && this.result && views) return views.refundDoneOf(this.#flow, this.result);
    const { session } = this.#subject;
    // A refund asked for before (here, or with the attendance update): its fate, not a second one, in
    // words that come with the decided module (the load awaits it: until then, the loading frame).
    if (session?.refund && views)
      return views.existingRefund(
        session,
        session.refund,
        this.formatLocale,
        this.state === 'error' ? this.failure : undefined,
      );
    return frame({
      heading: msg('Refund the session', { id: 'rc.refund.heading' }),
      status: this.state === 'loading' ? msg('Loading the session…', { id: 'rc.cancel.loading' }) : undefined,
      summary: session ? sessionSummary(session, this.formatLocale) : nothing,
      failure: this.state === 'error' ? this.failure : undefined,
      onRetry: this.failure?.retryable
        ? () => (decision ? void views?.refundSubmit(this.#flow, new Event('submit')) : void this.load())
        : undefined,
      body: session && decision && views ? views.refundFormOf(this.#flow) : nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-refund-request': RcRefundRequest;
  }
}
