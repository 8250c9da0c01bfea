import { msg } from '@lit/localize';
import { type DecisionShown, type EndpointResponse, getSessionRoute, rescheduleSessionRoute } from '@raincheck/host-api/client';
import type { Facts, Reason } from '@raincheck/policy';
import { nothing, type TemplateResult } from 'lit';
import { SessionFlowElement, type WidgetErrorDetail } from '../internal/session-flow.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { rescheduleSessionStyles } from './reschedule-session.styles.js';

type RescheduleViews = typeof import('./reschedule-session.views.js');

/** `rc-reschedule-submit`: cancelable, fired before the write. `preventDefault()` stops it. */
export interface RescheduleSubmitDetail {
  readonly sessionId: string;
  /** `reschedule` to move the session; `team-request` when it has started. */
  readonly kind: 'reschedule' | 'team-request';
  readonly slotId: string | null;
  readonly reason: Reason | null;
  readonly note: string;
  readonly decision: DecisionShown;
}

/** `rc-reschedule-success`: the host's answer. */
export type RescheduleSuccessDetail =
  | { readonly kind: 'reschedule'; readonly result: EndpointResponse<'rescheduleSession'> }
  | { readonly kind: 'team-request'; readonly result: EndpointResponse<'createTeamRequest'> };

/** `rc-reschedule-error`: what went wrong; everything entered is kept. */
export type RescheduleErrorDetail = WidgetErrorDetail;

/**
 * @customElement rc-reschedule-session
 * @summary Edit Date/Time: moves a session to another open slot, showing first how the client will
 * be told and whether it counts towards the frequency thresholds.
 *
 * @event rc-reschedule-submit - Cancelable, before the write. `detail`: {@link RescheduleSubmitDetail}.
 * @event rc-reschedule-success - The host moved the session (or took the team request). `detail`: {@link RescheduleSuccessDetail}.
 * @event rc-reschedule-error - The write failed; after a conflict the slots and session are refreshed. `detail`: {@link RescheduleErrorDetail}.
 * @event rc-decision - The policy decided again (loaded, typed, rules changed). `detail`: {@link DecisionDetail}.
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
export class RcRescheduleSession extends SessionFlowElement<RescheduleViews> {
  static override styles = [baseStyles, sessionFlowStyles, rescheduleSessionStyles];

  static override properties = {
    ...SessionFlowElement.properties,
    slotId: { state: true },
    reason: { state: true },
    note: { state: true },
    result: { state: true },
  };

  private declare slotId: string | undefined;
  private declare reason: Reason | undefined;
  private declare note: string;
  private declare result: RescheduleSuccessDetail | undefined;

  protected readonly action = 'reschedule';

  constructor() {
    super();
    this.note = '';
  }

  protected requestFacts(): NonNullable<Facts['request']> {
    return { ...(this.reason ? { reason: this.reason } : {}), ...(this.note ? { note: this.note } : {}) };
  }

  get #missing(): string[] {
    const missing: string[] = [];
    if (this.mode === 'self-serve' && !this.slotId) missing.push(msg('Choose a new time.', { id: 'rc.reschedule.missing-slot' }));
    if (this.mode === 'team-request' && !this.reason) missing.push(msg('Choose a reason.', { id: 'rc.cancel.missing-reason' }));
    missing.push(...this.noteShortfall(this.note));
    return missing;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const { session, decision } = this;
    if (!session || !decision || this.#missing.length > 0 || this.mode === 'blocked') return;
    const shown = this.shownDecision(decision);
    const note = this.note ? { note: this.note } : {};
    const keep = (result: RescheduleSuccessDetail) => (this.result = result);
    if (this.mode === 'self-serve') {
      const slotId = this.slotId!;
      const body = { slotId, ...(this.reason ? { reason: this.reason } : {}), ...note, decision: shown };
      const detail: RescheduleSubmitDetail = { sessionId: session.id, kind: 'reschedule', slotId, reason: this.reason ?? null, note: this.note, decision: shown };
      await this.write('rc-reschedule', detail, body, async (idempotencyKey) =>
        keep({ kind: 'reschedule', result: await this.host.send(rescheduleSessionRoute, { sessionId: session.id, version: session.version, idempotencyKey, body }) }),
      );
      if (this.state === 'error') await this.#afterConflict();
    } else {
      const reason = this.reason!;
      const detail: RescheduleSubmitDetail = { sessionId: session.id, kind: 'team-request', slotId: null, reason, note: this.note, decision: shown };
      await this.askTeam('rc-reschedule', detail, reason, this.note, (result) => keep({ kind: 'team-request', result }));
    }
  }

  /** A slot taken meanwhile, or a session changed by someone else: show the world as it is now. */
  async #afterConflict(): Promise<void> {
    const code = this.failure?.code;
    if (code === 'slot-taken' || code === 'version-mismatch') {
      const failure = this.failure!;
      this.slotId = undefined;
      try {
        if (code === 'version-mismatch') this.session = (await this.host.send(getSessionRoute, { sessionId: this.sessionId })).session;
        await this.refreshSlots();
      } catch {
        // The explanation below still stands; the list may be stale until a reload.
      }
      this.failure = {
        ...failure,
        message:
          code === 'slot-taken'
            ? msg('That time was just taken. The list of free times is up to date again: choose another one.', { id: 'rc.reschedule.slot-taken' })
            : msg('Someone else changed this session meanwhile. It is shown as it is now: check it and choose a time again.', { id: 'rc.reschedule.changed' }),
      };
    }
  }

  protected importViews(): Promise<RescheduleViews> {
    return import('./reschedule-session.views.js');
  }

  protected override render(): TemplateResult {
    const { decision, views } = this;
    if (this.state === 'success' && this.result && views) {
      return views.rescheduleSuccess(this.result, this.session?.client.displayName ?? '', this.formatLocale);
    }
    const heading =
      this.mode === 'team-request' && this.state !== 'loading'
        ? msg('Ask the team to rearrange', { id: 'rc.reschedule.heading-team' })
        : msg('Change date and time', { id: 'rc.reschedule.heading' });
    const form =
      decision && views
        ? views.rescheduleForm({
            ...this.formProps(decision, this.#missing, (event) => this.#submit(event)),
            slots: this.slots ?? [],
            slotId: this.slotId,
            reason: this.reason,
            note: this.note,
            noteMinLength: this.noteMinLength,
            onSlot: (slotId) => this.input(() => (this.slotId = slotId)),
            onReason: (reason) => this.input(() => (this.reason = reason)),
            onNote: (note) => this.input(() => (this.note = note)),
          })
        : nothing;
    return this.renderFrame(heading, () => void this.#submit(new Event('submit')), form);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-reschedule-session': RcRescheduleSession;
  }
  interface HTMLElementEventMap {
    'rc-reschedule-submit': CustomEvent<RescheduleSubmitDetail>;
    'rc-reschedule-success': CustomEvent<RescheduleSuccessDetail>;
    'rc-reschedule-error': CustomEvent<RescheduleErrorDetail>;
  }
}
