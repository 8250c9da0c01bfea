import { msg, str } from '@lit/localize';
import { cancelSessionRoute, type DecisionShown, type EndpointResponse } from '@raincheck/host-api/client';
import type { Facts, Reason } from '@raincheck/policy';
import { nothing, type TemplateResult } from 'lit';
import { SessionFlowElement, type WidgetErrorDetail, type WidgetState } from '../internal/session-flow.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { cancelSessionStyles } from './cancel-session.styles.js';

type CancelViews = typeof import('./cancel-session.views.js');

/** The widget's state; each has its own heading, which takes focus when the state changes. */
export type CancelSessionState = WidgetState;

/** `rc-cancel-submit`: cancelable, fired before the write. `preventDefault()` stops it. */
export interface CancelSubmitDetail {
  readonly sessionId: string;
  readonly reason: Reason;
  readonly note: string;
  readonly alternativeSlotIds: readonly string[];
  readonly refundOffered: boolean;
  /** `cancel` for a self-serve cancellation; `team-request` when the session has started. */
  readonly kind: 'cancel' | 'team-request';
  readonly decision: DecisionShown;
}

/** `rc-cancel-success`: the host's answer. */
export type CancelSuccessDetail =
  | { readonly kind: 'cancel'; readonly result: EndpointResponse<'cancelSession'> }
  | { readonly kind: 'team-request'; readonly result: EndpointResponse<'createTeamRequest'> };

/** `rc-cancel-error`: what went wrong; everything entered is kept. */
export type CancelErrorDetail = WidgetErrorDetail;

/**
 * @customElement rc-cancel-session
 * @summary Cancels one session when the therapist can't hold it: shows what the policy will do
 * and why before anything is sent, lets the therapist pick the alternatives to offer, then cancels.
 *
 * @event rc-cancel-submit - Cancelable, before the write. `detail`: {@link CancelSubmitDetail}.
 * @event rc-cancel-success - The host cancelled (or took the team request). `detail`: {@link CancelSuccessDetail}.
 * @event rc-cancel-error - The write failed; everything entered is kept. `detail`: {@link CancelErrorDetail}.
 * @event rc-decision - The policy decided again (loaded, typed, rules changed). `detail`: {@link DecisionDetail}.
 *
 * @csspart heading - The heading of the current state.
 * @csspart session - The session's date, time and client.
 * @csspart form - The form.
 * @csspart reason - The reason choice.
 * @csspart note - The note field.
 * @csspart decision - What will happen, and why.
 * @csspart effect - One effect of the decision.
 * @csspart explanation - A rule's own explanation of an effect.
 * @csspart warning - A frequency warning.
 * @csspart alternatives - The slot picker.
 * @csspart day - One day of slots.
 * @csspart slot - One slot.
 * @csspart refund - The refund option.
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
export class RcCancelSession extends SessionFlowElement<CancelViews> {
  static override styles = [baseStyles, sessionFlowStyles, cancelSessionStyles];

  static override properties = {
    ...SessionFlowElement.properties,
    reason: { state: true },
    note: { state: true },
    selectedSlots: { state: true },
    refundOffered: { state: true },
    result: { state: true },
  };

  private declare reason: Reason | undefined;
  private declare note: string;
  private declare selectedSlots: ReadonlySet<string>;
  private declare refundOffered: boolean;
  private declare result: CancelSuccessDetail | undefined;

  protected readonly action = 'cancel';

  constructor() {
    super();
    this.note = '';
    this.selectedSlots = new Set();
    this.refundOffered = true;
  }

  protected requestFacts(): NonNullable<Facts['request']> {
    return { ...(this.reason ? { reason: this.reason } : {}), ...(this.note ? { note: this.note } : {}) };
  }

  get #minSlots(): number {
    return this.mode === 'self-serve' ? (this.decision?.alternatives?.minSlots ?? 0) : 0;
  }

  /** What still stops the therapist from confirming, in order. */
  get #missing(): string[] {
    const missing: string[] = [];
    if (!this.reason) missing.push(msg('Choose a reason.', { id: 'rc.cancel.missing-reason' }));
    missing.push(...this.noteShortfall(this.note));
    if (this.selectedSlots.size < this.#minSlots) {
      missing.push(msg(str`Choose at least ${this.#minSlots} alternative times.`, { id: 'rc.cancel.missing-slots' }));
    }
    return missing;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const { session, decision } = this;
    if (!session || !decision || this.#missing.length > 0 || this.mode === 'blocked') return;
    const kind = this.mode === 'team-request' ? 'team-request' : 'cancel';
    const shown = this.shownDecision(decision);
    const alternativeSlotIds = kind === 'cancel' ? [...this.selectedSlots] : [];
    const refundOffered = kind === 'cancel' && decision.refund !== null && this.refundOffered;
    const reason = this.reason!;
    const detail: CancelSubmitDetail = { sessionId: session.id, reason, note: this.note, alternativeSlotIds, refundOffered, kind, decision: shown };
    const note = this.note ? { note: this.note } : {};
    // The result is kept before the state turns to success, which renders it.
    const keep = (result: CancelSuccessDetail) => (this.result = result);
    if (kind === 'cancel') {
      const body = { reason, ...note, alternativeSlotIds, refundOffered, decision: shown };
      await this.write('rc-cancel', detail, body, async (idempotencyKey) =>
        keep({ kind, result: await this.host.send(cancelSessionRoute, { sessionId: session.id, version: session.version, idempotencyKey, body }) }),
      );
    } else {
      await this.askTeam('rc-cancel', detail, reason, this.note, (result) => keep({ kind: 'team-request', result }));
    }
  }

  protected importViews(): Promise<CancelViews> {
    return import('./cancel-session.views.js');
  }

  protected override render(): TemplateResult {
    const { decision, views } = this;
    const clientName = this.session?.client.displayName ?? '';
    const locale = this.formatLocale;
    if (this.state === 'success' && this.result && views) {
      return views.cancelSuccess({ result: this.result, decision, clientName, locale, offeredSlots: this.selectedSlots.size, refundOffered: this.refundOffered });
    }
    const heading =
      this.mode === 'team-request' && this.state !== 'loading'
        ? msg('Ask the team to cancel', { id: 'rc.cancel.heading-team' })
        : msg('Cancel session', { id: 'rc.cancel.heading' });
    const form =
      decision && views
        ? views.cancelForm({
            ...this.formProps(decision, this.#missing, (event) => this.#submit(event)),
            reason: this.reason,
            note: this.note,
            noteMinLength: this.noteMinLength,
            slots: this.slots ?? [],
            minSlots: this.#minSlots,
            selectedSlots: this.selectedSlots,
            refundOffered: this.refundOffered,
            onReason: (reason) => this.input(() => (this.reason = reason)),
            onNote: (note) => this.input(() => (this.note = note)),
            onSlot: (slotId, selected) => {
              const next = new Set(this.selectedSlots);
              if (selected) next.add(slotId);
              else next.delete(slotId);
              this.selectedSlots = next;
            },
            onRefundOffered: (offered) => (this.refundOffered = offered),
          })
        : nothing;
    return this.renderFrame(heading, () => void this.#submit(new Event('submit')), form);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-cancel-session': RcCancelSession;
  }
  interface HTMLElementEventMap {
    'rc-cancel-submit': CustomEvent<CancelSubmitDetail>;
    'rc-cancel-success': CustomEvent<CancelSuccessDetail>;
    'rc-cancel-error': CustomEvent<CancelErrorDetail>;
  }
}
