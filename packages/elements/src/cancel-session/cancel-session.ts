import { msg, str } from '@lit/localize';
import { cancelSessionRoute, type DecisionShown, type EndpointResponse } from '@raincheck/host-api/client';
import type { Decision, Facts, Reason } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../format/formatters.js';
import { SessionFlowElement, type WidgetErrorDetail, type WidgetState } from '../internal/session-flow.js';
import { channelList, commonEffects, decisionSection, effect, reasonFields, slotPicker, submitFooter, teamRequestSent } from '../internal/templates.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { cancelSessionStyles } from './cancel-session.styles.js';

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
 * @cssproperty --rc-color-scheme - `light`, `dark` or `light dark` (default: follow the system), for native controls.
 */
export class RcCancelSession extends SessionFlowElement {
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

  protected override render(): TemplateResult {
    if (this.state === 'success') return this.#renderSuccess();
    const heading =
      this.mode === 'team-request' && this.state !== 'loading'
        ? msg('Ask the team to cancel', { id: 'rc.cancel.heading-team' })
        : msg('Cancel session', { id: 'rc.cancel.heading' });
    return this.renderFrame(heading, () => void this.#submit(new Event('submit')), this.decision ? this.#renderForm(this.decision) : nothing);
  }

  #renderForm(decision: Decision): TemplateResult {
    if (this.mode === 'blocked') {
      return html`<div part="decision"><p>${decision.blocks.map((b) => b.message).join(' ')}</p></div>`;
    }
    const busy = this.state === 'submitting';
    const missing = this.#missing;
    const showMissing = missing.length > 0 && this.reason !== undefined;
    return html`
      <form part="form" @submit=${(e: Event) => void this.#submit(e)} aria-busy=${busy ? 'true' : 'false'}>
        ${reasonFields({
          reason: this.reason,
          note: this.note,
          noteMinLength: this.noteMinLength,
          disabled: busy,
          onReason: (reason) => this.input(() => (this.reason = reason)),
          onNote: (note) => this.input(() => (this.note = note)),
        })}
        ${this.#renderDecision(decision)}
        ${this.mode === 'self-serve'
          ? slotPicker({
              slots: this.slots ?? [],
              withinDays: decision.alternatives?.withinDays ?? 14,
              locale: this.formatLocale,
              multiple: true,
              selected: this.selectedSlots,
              legend: msg(str`Times to offer instead (choose at least ${this.#minSlots})`, { id: 'rc.cancel.alternatives-legend' }),
              disabled: busy,
              onChange: (slotId, selected) => {
                const next = new Set(this.selectedSlots);
                if (selected) next.add(slotId);
                else next.delete(slotId);
                this.selectedSlots = next;
              },
            })
          : nothing}
        ${this.mode === 'self-serve' && decision.refund ? this.#renderRefund(decision, busy) : nothing}
        ${submitFooter({ missing, showMissing, busy, teamRequest: this.mode === 'team-request', label: msg('Cancel session', { id: 'rc.cancel.submit' }) })}
      </form>
    `;
  }

  #renderDecision(decision: Decision): TemplateResult {
    const name = this.session?.client.displayName ?? '';
    const { notify, warnings } = commonEffects(decision, name, this.formatLocale);
    const effects = [...notify];
    if (this.mode === 'team-request') effects.push(...decision.team.map((team) => effect(team.message, team.ruleIds, decision)));
    if (decision.alternatives && this.mode === 'self-serve') {
      effects.push(effect(msg(str`Offer at least ${decision.alternatives.minSlots} other times within ${decision.alternatives.withinDays} days.`, { id: 'rc.decision.alternatives' }), decision.alternatives.ruleIds, decision));
    }
    if (decision.refund && this.mode === 'self-serve') {
      const amount = formatMoney(decision.refund.amount, decision.refund.currency, this.formatLocale);
      effects.push(
        effect(
          decision.refund.mode === 'team-review'
            ? msg(str`${name} may choose a refund of ${amount}; the platform team reviews it first.`, { id: 'rc.decision.refund-review' })
            : msg(str`${name} may choose a refund of ${amount} instead.`, { id: 'rc.decision.refund' }),
          decision.refund.ruleIds,
          decision,
        ),
      );
    }
    effects.push(...decision.requirements.map((r) => effect(r.message, r.ruleIds, decision)), ...warnings);
    return decisionSection(effects);
  }

  #renderRefund(decision: Decision, busy: boolean): TemplateResult {
    const amount = formatMoney(decision.refund!.amount, decision.refund!.currency, this.formatLocale);
    return html`<label part="refund" class="choice">
      <input type="checkbox" .checked=${this.refundOffered} ?disabled=${busy} @change=${(e: Event) => (this.refundOffered = (e.target as HTMLInputElement).checked)} />
      ${msg(str`Offer a refund of ${amount} if the client prefers it`, { id: 'rc.cancel.offer-refund' })}
    </label>`;
  }

  #renderSuccess(): TemplateResult {
    const result = this.result!;
    if (result.kind === 'team-request') return teamRequestSent();
    const name = this.session?.client.displayName ?? '';
    const decision = this.decision;
    return html`
      <h2 part="heading" tabindex="-1">${msg('Session cancelled', { id: 'rc.cancel.done' })}</h2>
      <div part="next" role="status">
        <p>${msg(str`${name} is being told now${decision?.notify ? ` (${channelList(decision.notify.channels, this.formatLocale)})` : ''}.`, { id: 'rc.cancel.next-notified' })}</p>
        <p>${msg(str`They can choose one of the ${this.selectedSlots.size} times you offered${this.refundOffered && decision?.refund ? msg(' or a refund', { id: 'rc.cancel.next-or-refund' }) : ''}.`, { id: 'rc.cancel.next-choice' })}</p>
      </div>
    `;
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
