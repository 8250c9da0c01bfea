import { msg } from '@lit/localize';
import type { Reason } from '@raincheck/policy';
import { nothing, type TemplateResult } from 'lit';
import { PolicyDecision } from '../controllers/policy-decision.js';
import { SessionSubject } from '../controllers/session-subject.js';
import { SentMessages } from '../controllers/sent-messages.js';
import { DecisionEvent } from '../events/decision-event.js';
import {
  RescheduleErrorEvent,
  RescheduleSubmitEvent,
  RescheduleSuccessEvent,
} from '../events/reschedule-session-events.js';
import type { RescheduleFlow } from './reschedule-session.decided.js';
import { FlowElement, type WriterModule } from '../internal/flow-element.js';
import { frame } from '../internal/frame.js';
import { sessionSummary } from '../internal/templates.js';
import type { RescheduleSuccessDetail } from '../events/reschedule-session-details.js';
export * from '../events/reschedule-session-events.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { rescheduleSessionStyles } from './reschedule-session.styles.js';

type RescheduleViews = typeof import('./reschedule-session.flow.decided.js');
/** What <rc-reschedule-session> loads once there is something to decide: its views, the engine and the write controller, one chunk. */
const importDecided = (): Promise<RescheduleViews> => import('./reschedule-session.flow.decided.js');

export type {
  RescheduleSubmitDetail,
  RescheduleSuccessDetail,
  RescheduleErrorDetail,
} from '../events/reschedule-session-details.js';

/**
 * @customElement rc-reschedule-session
 * @summary Edit Date/Time: moves a session to another open slot, showing first how the client will
 * be told and whether it counts towards the frequency thresholds.
 *
 *
 * @csspart heading - The heading of the current state.
 * @csspart session - The session's date, time and client.
 * @csspart form - The form.
 * @csspart reason - The reason choice (a started session only).
 * @csspart note - The note field.
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
 * @csspart submit - The confirm button.
 * @csspart status - Loading and progress messages.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart next - What happens next, after success.
 * @csspart sent - What the host recorded sending the client after the write, and when.
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
export class RcRescheduleSession extends FlowElement {
  static override styles = [baseStyles, sessionFlowStyles, rescheduleSessionStyles];

  /** The events it fires, as the manifest lists them. */
  static readonly events = [
    RescheduleSubmitEvent,
    RescheduleSuccessEvent,
    RescheduleErrorEvent,
    DecisionEvent,
  ] as const;

  static override properties = {
    ...FlowElement.properties,
    sessionId: { attribute: 'session-id', reflect: true },
    slotId: { state: true },
    reason: { state: true },
    note: { state: true },
    result: { state: true },
    slotWeek: { state: true },
  };

  declare private slotId: string | undefined;
  declare private reason: Reason | undefined;
  declare private note: string;
  /** The week of open times the slot picker shows; what is chosen stays chosen across weeks. */
  declare private slotWeek: number;
  declare private result: RescheduleSuccessDetail | undefined;

  /** The session this widget changes. */
  declare sessionId: string;

  readonly #subject = new SessionSubject(this, () => this.host, true);
  readonly #sent = new SentMessages(this, () => this.host);
  readonly #policy = new PolicyDecision<RescheduleViews>(this, {
    action: 'reschedule',
    importViews: importDecided,
    requestFacts: () => ({
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.note ? { note: this.note } : {}),
    }),
    ...this.policyContext(),
  });
  /** What the decided form and the write read and change of this widget. */
  readonly #flow: RescheduleFlow = {
    policy: this.#policy,
    subject: this.#subject,
    sent: this.#sent,
    ...this.flowOf(() => ({
      sessionId: this.sessionId,
      slotId: this.slotId,
      reason: this.reason,
      note: this.note,
      slotWeek: this.slotWeek,
      result: this.result,
      failure: this.failure,
    })),
  };

  constructor() {
    super();
    this.sessionId = '';
    this.note = '';
    this.slotWeek = 0;
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
    if (this.state === 'success' && this.result && views) return views.rescheduleDoneOf(this.#flow, this.result);
    const heading =
      this.#policy.mode === 'team-request' && this.state !== 'loading'
        ? msg('Ask the team to rearrange', { id: 'rc.reschedule.heading-team' })
        : msg('Change date and time', { id: 'rc.reschedule.heading' });
    const { session } = this.#subject;
    return frame({
      heading: heading,
      status: this.state === 'loading' ? msg('Loading the session…', { id: 'rc.cancel.loading' }) : undefined,
      summary: session ? sessionSummary(session, this.formatLocale) : nothing,
      failure: this.state === 'error' ? this.failure : undefined,
      onRetry: this.failure?.retryable
        ? () => (decision ? void views?.rescheduleSubmit(this.#flow, new Event('submit')) : void this.load())
        : undefined,
      body: session && decision && views ? views.rescheduleFormOf(this.#flow) : nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-reschedule-session': RcRescheduleSession;
  }
}
