import { msg } from '@lit/localize';
import type { Reason } from '@raincheck/policy';
import { nothing, type TemplateResult } from 'lit';
import { PolicyDecision } from '../controllers/policy-decision.js';
import { SessionSubject } from '../controllers/session-subject.js';
import { SentMessages } from '../controllers/sent-messages.js';
import { CancelErrorEvent, CancelSubmitEvent, CancelSuccessEvent } from '../events/cancel-session-events.js';
import type { CancelSuccessDetail } from '../events/cancel-session-details.js';
export * from '../events/cancel-session-events.js';
import { DecisionEvent } from '../events/decision-event.js';
import { FlowElement, type WidgetState, type WriterModule } from '../internal/flow-element.js';
import { frame } from '../internal/frame.js';
import { sessionSummary } from '../internal/templates.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { cancelSessionStyles } from './cancel-session.styles.js';

import type { CancelFlow } from './cancel-session.decided.js';

type CancelViews = typeof import('./cancel-session.flow.decided.js');
/** What <rc-cancel-session> loads once there is something to decide: its views, the engine and the write controller, one chunk. */
const importDecided = (): Promise<CancelViews> => import('./cancel-session.flow.decided.js');

/** The widget's state; each has its own heading, which takes focus when the state changes. */
export type CancelSessionState = WidgetState;

export type { CancelSubmitDetail, CancelSuccessDetail, CancelErrorDetail } from '../events/cancel-session-details.js';

/**
 * @customElement rc-cancel-session
 * @summary Cancels one session when the therapist can't hold it: shows what the policy will do
 * and why before anything is sent, lets the therapist pick the alternatives to offer, then cancels.
 *
 *
 * @csspart heading - The heading of the current state.
 * @csspart session - The session's date, time and client.
 * @csspart form - The form.
 * @csspart reason - The reason choice.
 * @csspart note - The note field.
 * @csspart note-why - Why a written reason is needed, before its field.
 * @csspart decision - What will happen, and why.
 * @csspart effect - One effect of the decision.
 * @csspart explanation - A rule's own explanation of an effect.
 * @csspart warning - A frequency warning.
 * @csspart alternatives - The slot picker.
 * @csspart day - One day of slots.
 * @csspart slot - One slot.
 * @csspart suggested - The suggested times: nearest the session's time of day, on the nearest days.
 * @csspart suggested-slot - One suggested time (also a `slot`).
 * @csspart more-times - The other open times, one week at a time, by day.
 * @csspart slot-count - How many times are chosen (the one time chosen, when rearranging).
 * @csspart week-nav - The week shown and the buttons to the previous and next weeks.
 * @csspart week-range - The days of the week shown, and which week of how many.
 * @csspart previous-week - The button to the previous week (`aria-disabled` at the first).
 * @csspart next-week - The button to the next week (`aria-disabled` at the last).
 * @csspart refund - The refund option.
 * @csspart submit - The confirm button.
 * @csspart status - Loading and progress messages.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart next - What happens next, after success.
 * @csspart sent - What the host recorded sending the client after the write, and when.
 * @csspart offered - The times offered to the client, after success.
 * @csspart choose-by - Until when the client can choose, after success.
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
export class RcCancelSession extends FlowElement {
  static override styles = [baseStyles, sessionFlowStyles, cancelSessionStyles];
  /** The events it fires, as the manifest lists them. */
  static readonly events = [CancelSubmitEvent, CancelSuccessEvent, CancelErrorEvent, DecisionEvent] as const;

  static override properties = {
    ...FlowElement.properties,
    sessionId: { attribute: 'session-id', reflect: true },
    reason: { state: true },
    note: { state: true },
    selectedSlots: { state: true },
    refundOffered: { state: true },
    result: { state: true },
    slotWeek: { state: true },
  };

  /** The session this widget cancels. */
  declare sessionId: string;
  declare private reason: Reason | undefined;
  declare private note: string;
  declare private selectedSlots: ReadonlySet<string>;
  declare private refundOffered: boolean;
  /** The week of open times the slot picker shows; what is chosen stays chosen across weeks. */
  declare private slotWeek: number;
  declare private result: CancelSuccessDetail | undefined;

  readonly #subject = new SessionSubject(this, () => this.host, true);
  readonly #sent = new SentMessages(this, () => this.host);
  readonly #policy = new PolicyDecision<CancelViews>(this, {
    action: 'cancel',
    importViews: importDecided,
    requestFacts: () => ({
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.note ? { note: this.note } : {}),
    }),
    ...this.policyContext(),
  });
  /** What the decided form and the write read and change of this widget. */
  readonly #flow: CancelFlow = {
    policy: this.#policy,
    subject: this.#subject,
    sent: this.#sent,
    ...this.flowOf(() => ({
      reason: this.reason,
      note: this.note,
      selectedSlots: this.selectedSlots,
      refundOffered: this.refundOffered,
      slotWeek: this.slotWeek,
      result: this.result,
    })),
  };

  constructor() {
    super();
    this.sessionId = '';
    this.note = '';
    this.slotWeek = 0;
    this.selectedSlots = new Set();
    // The client chooses a refund; the therapist opts in to offering one (issue 20).
    this.refundOffered = false;
  }

  protected override importWriter(): WriterModule | Promise<WriterModule> {
    // Loaded with the views, which a submit needs first: then at once, as the click happens.
    return this.#policy.views ?? importDecided();
  }

  protected get subject(): string {
    return this.sessionId;
  }

  protected override resetSubject(): void {
    this.slotWeek = 0;
    this.#policy.reset();
    this.#sent.reset();
  }

  protected async loadSubject(signal: AbortSignal): Promise<void> {
    this.#policy.facts = await this.#subject.load(this.sessionId, signal, () => this.#policy.prefetch());
    await this.#policy.decide();
  }

  protected override render(): TemplateResult {
    const { decision, views } = this.#policy;
    if (this.state === 'success' && this.result && views) return views.cancelDoneOf(this.#flow, this.result);
    const heading =
      this.#policy.mode === 'team-request' && this.state !== 'loading'
        ? msg('Ask the team to cancel', { id: 'rc.cancel.heading-team' })
        : msg('Cancel session', { id: 'rc.cancel.heading' });
    const { session } = this.#subject;
    return frame({
      heading,
      status: this.state === 'loading' ? msg('Loading the session…', { id: 'rc.cancel.loading' }) : undefined,
      summary: session ? sessionSummary(session, this.formatLocale) : nothing,
      failure: this.state === 'error' ? this.failure : undefined,
      onRetry: this.failure?.retryable
        ? () => (decision ? void views?.cancelSubmit(this.#flow, new Event('submit')) : void this.load())
        : undefined,
      body: session && decision && views ? views.cancelFormOf(this.#flow) : nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-cancel-session': RcCancelSession;
  }
}
