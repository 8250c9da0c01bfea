import { msg } from '@lit/localize';
import type { AttendanceOutcome } from '@raincheck/policy';
import { nothing, type TemplateResult } from 'lit';
import { PolicyDecision } from '../controllers/policy-decision.js';
import { SessionSubject } from '../controllers/session-subject.js';
import { SentMessages } from '../controllers/sent-messages.js';
import { DecisionEvent } from '../events/decision-event.js';
import {
  AttendanceErrorEvent,
  AttendanceSubmitEvent,
  AttendanceSuccessEvent,
} from '../events/attendance-update-events.js';
import { FlowElement, type WriterModule } from '../internal/flow-element.js';
import { frame } from '../internal/frame.js';
import { sessionSummary } from '../internal/templates.js';
import type { AttendanceSuccessDetail } from '../events/attendance-update-details.js';
import type { AttendanceFlow } from './attendance-update.decided.js';
export * from '../events/attendance-update-events.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { attendanceUpdateStyles } from './attendance-update.styles.js';

type AttendanceViews = typeof import('./attendance-update.decided.js');
/** What <rc-attendance-update> loads once there is something to decide: its views, the engine and the write controller, one chunk. */
const importDecided = (): Promise<AttendanceViews> => import('./attendance-update.decided.js');

export type {
  AttendanceSubmitDetail,
  AttendanceSuccessDetail,
  AttendanceErrorDetail,
} from '../events/attendance-update-details.js';

/**
 * @customElement rc-attendance-update
 * @summary Completes the attendance update for a past session: it took place, the client did not
 * attend, or the therapist could not hold it. For the last it offers the refund the policy allows,
 * issued at once or sent to the team for review with a reason. Recorded once, refunded at most once.
 *
 *
 * @csspart heading - The heading of the current state.
 * @csspart session - The session's date, time and client.
 * @csspart form - The form.
 * @csspart outcome - The choice of what happened.
 * @csspart refund - The choice to refund the client.
 * @csspart note - The note, or the reason the policy asks for.
 * @csspart decision - What will happen, and why.
 * @csspart effect - One effect of the decision.
 * @csspart refund-effect - The refund, among the effects.
 * @csspart explanation - A rule's own explanation of an effect.
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
export class RcAttendanceUpdate extends FlowElement {
  static override styles = [baseStyles, sessionFlowStyles, attendanceUpdateStyles];

  /** The events it fires, as the manifest lists them. */
  static readonly events = [
    AttendanceSubmitEvent,
    AttendanceSuccessEvent,
    AttendanceErrorEvent,
    DecisionEvent,
  ] as const;

  static override properties = {
    ...FlowElement.properties,
    sessionId: { attribute: 'session-id', reflect: true },
    outcome: { state: true },
    refund: { state: true },
    note: { state: true },
    result: { state: true },
  };

  declare private outcome: AttendanceOutcome | undefined;
  declare private refund: boolean;
  declare private note: string;
  declare private result: AttendanceSuccessDetail | undefined;

  /** The session this widget changes. */
  declare sessionId: string;

  readonly #subject = new SessionSubject(this, () => this.host, false);
  readonly #sent = new SentMessages(this, () => this.host);
  readonly #policy = new PolicyDecision<AttendanceViews>(this, {
    action: 'attendance-update',
    importViews: importDecided,
    requestFacts: () => ({
      ...(this.outcome ? { attendanceOutcome: this.outcome } : {}),
      ...(this.#refunding ? { clientPreference: 'refund' as const } : {}),
      ...(this.note ? { note: this.note } : {}),
    }),
    ...this.policyContext(),
  });
  /** What the decided form and the write read and change of this widget. */
  readonly #flow: AttendanceFlow = {
    policy: this.#policy,
    subject: this.#subject,
    sent: this.#sent,
    ...this.flowOf(() => ({
      outcome: this.outcome,
      refund: this.refund,
      note: this.note,
      result: this.result,
    })),
  };

  constructor() {
    super();
    this.sessionId = '';
    this.refund = false;
    this.note = '';
  }

  /** The refund is chosen, and still on offer for the chosen outcome. */
  get #refunding(): boolean {
    return this.refund && this.outcome === 'therapist-unable';
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
    if (this.state === 'success' && this.result && views) return views.attendanceDoneOf(this.#flow, this.result);
    const { session } = this.#subject;
    return frame({
      heading: msg('Update attendance', { id: 'rc.attendance.heading' }),
      status: this.state === 'loading' ? msg('Loading the session…', { id: 'rc.cancel.loading' }) : undefined,
      summary: session ? sessionSummary(session, this.formatLocale) : nothing,
      failure: this.state === 'error' ? this.failure : undefined,
      onRetry: this.failure?.retryable
        ? () => (decision ? void views?.attendanceSubmit(this.#flow, new Event('submit')) : void this.load())
        : undefined,
      body: session && decision && views ? views.attendanceFormOf(this.#flow) : nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-attendance-update': RcAttendanceUpdate;
  }
}
