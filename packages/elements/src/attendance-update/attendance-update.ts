import { msg } from '@lit/localize';
import { type DecisionShown, type EndpointResponse, updateAttendanceRoute } from '@raincheck/host-api/client';
import type { AttendanceOutcome, Facts } from '@raincheck/policy';
import { nothing, type TemplateResult } from 'lit';
import { SessionFlowElement, type WidgetErrorDetail } from '../internal/session-flow.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { attendanceUpdateStyles } from './attendance-update.styles.js';

type AttendanceViews = typeof import('./attendance-update.views.js');

/** `rc-attendance-submit`: cancelable, fired before the write. `preventDefault()` stops it. */
export interface AttendanceSubmitDetail {
  readonly sessionId: string;
  readonly outcome: AttendanceOutcome;
  /** Whether the client is refunded (only when the therapist could not hold the session). */
  readonly refund: boolean;
  /** `self-serve`: issued at once; `team-review`: the platform team confirms it first; absent without a refund. */
  readonly refundMode?: 'self-serve' | 'team-review';
  readonly note: string;
  readonly decision: DecisionShown;
}

/** `rc-attendance-success`: the host's answer (the completed session, and the refund and team request if any). */
export type AttendanceSuccessDetail = EndpointResponse<'updateAttendance'>;

/** `rc-attendance-error`: what went wrong; everything entered is kept. */
export type AttendanceErrorDetail = WidgetErrorDetail;

/**
 * @customElement rc-attendance-update
 * @summary Completes the attendance update for a past session: it took place, the client did not
 * attend, or the therapist could not hold it. For the last it offers the refund the policy allows,
 * issued at once or sent to the team for review with a reason. Recorded once, refunded at most once.
 *
 * @event rc-attendance-submit - Cancelable, before the write. `detail`: {@link AttendanceSubmitDetail}.
 * @event rc-attendance-success - The host recorded it. `detail`: {@link AttendanceSuccessDetail}.
 * @event rc-attendance-error - The write failed; everything entered is kept. `detail`: {@link AttendanceErrorDetail}.
 * @event rc-decision - The policy decided again (loaded, chosen, typed, rules changed). `detail`: {@link DecisionDetail}.
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
export class RcAttendanceUpdate extends SessionFlowElement<AttendanceViews> {
  static override styles = [baseStyles, sessionFlowStyles, attendanceUpdateStyles];

  static override properties = {
    ...SessionFlowElement.properties,
    outcome: { state: true },
    refund: { state: true },
    note: { state: true },
    result: { state: true },
  };

  private declare outcome: AttendanceOutcome | undefined;
  private declare refund: boolean;
  private declare note: string;
  private declare result: AttendanceSuccessDetail | undefined;

  protected readonly action = 'attendance-update';
  protected override readonly needsSlots = false;

  constructor() {
    super();
    this.refund = false;
    this.note = '';
  }

  protected requestFacts(): NonNullable<Facts['request']> {
    return {
      ...(this.outcome ? { attendanceOutcome: this.outcome } : {}),
      ...(this.#refunding ? { clientPreference: 'refund' as const } : {}),
      ...(this.note ? { note: this.note } : {}),
    };
  }

  /** The refund is chosen, and still on offer for the chosen outcome. */
  get #refunding(): boolean {
    return this.refund && this.outcome === 'therapist-unable';
  }

  /** Why the attendance cannot be recorded here at all (not started, cancelled, already recorded). */
  get #closed(): string | undefined {
    const session = this.session;
    if (!session) return undefined;
    if (session.status === 'cancelled') return msg('This session was cancelled, so there is no attendance to record.', { id: 'rc.attendance.cancelled' });
    if (session.status === 'completed') return msg('The attendance of this session has already been recorded.', { id: 'rc.attendance.recorded' });
    if (Date.parse(session.startsAt) > Date.now()) return msg('You can update the attendance once the session has started.', { id: 'rc.attendance.not-started' });
    return undefined;
  }

  get #missing(): string[] {
    return [
      ...(this.outcome ? [] : [msg('Choose what happened.', { id: 'rc.attendance.missing-outcome' })]),
      ...(this.#refunding ? this.noteShortfall(this.note) : []),
    ];
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const { session, decision, outcome } = this;
    if (!session || !decision || !outcome || this.mode === 'blocked' || this.#closed || this.#missing.length > 0) return;
    const refund = this.#refunding && decision.refund !== null;
    const shown = this.shownDecision(decision);
    const detail: AttendanceSubmitDetail = {
      sessionId: session.id,
      outcome,
      refund,
      ...(refund ? { refundMode: decision.refund.mode === 'team-review' ? ('team-review' as const) : ('self-serve' as const) } : {}),
      note: this.note,
      decision: shown,
    };
    const body = { outcome, refund, ...(this.note ? { note: this.note } : {}), decision: shown };
    await this.write('rc-attendance', detail, body, async (idempotencyKey) => (this.result = await this.host.send(updateAttendanceRoute, { sessionId: session.id, version: session.version, idempotencyKey, body })));
  }

  protected importViews(): Promise<AttendanceViews> {
    return import('./attendance-update.views.js');
  }

  protected override render(): TemplateResult {
    const { decision, views } = this;
    if (this.state === 'success' && this.result && views) return views.attendanceSuccess(this.result, this.formatLocale);
    const form =
      decision && views
        ? views.attendanceForm({
            ...this.formProps(decision, this.#missing, (event) => this.#submit(event)),
            closed: this.#closed,
            outcome: this.outcome,
            refund: this.refund,
            refunding: this.#refunding,
            note: this.note,
            noteMinLength: this.noteMinLength,
            onOutcome: (outcome) => this.input(() => (this.outcome = outcome)),
            onRefund: (refund) => this.input(() => (this.refund = refund)),
            onNote: (note) => this.input(() => (this.note = note)),
          })
        : nothing;
    return this.renderFrame(msg('Update attendance', { id: 'rc.attendance.heading' }), () => void this.#submit(new Event('submit')), form);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-attendance-update': RcAttendanceUpdate;
  }
  interface HTMLElementEventMap {
    'rc-attendance-submit': CustomEvent<AttendanceSubmitDetail>;
    'rc-attendance-success': CustomEvent<AttendanceSuccessDetail>;
    'rc-attendance-error': CustomEvent<AttendanceErrorDetail>;
  }
}
