import { msg, str } from '@lit/localize';
import {
  HostApiError,
  HostResponseError,
  type DecisionShown,
  type EndpointResponse,
  type Session,
  type Slot,
} from '@raincheck/host-api';
import type { Decision, Facts, Reason } from '@raincheck/policy';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { dayKey, formatDateTime, formatDay, formatMoney, formatTime, viewerTimeZone } from '../format/formatters.js';
import { RaincheckElement } from '../internal/raincheck-element.js';
import { IntentKeys } from '../internal/intent-keys.js';
import { baseStyles } from '../styles/tokens.js';
import { cancelSessionStyles } from './cancel-session.styles.js';

/** The widget's state; each has its own heading, which takes focus when the state changes. */
export type CancelSessionState = 'loading' | 'ready' | 'submitting' | 'success' | 'error';

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
export interface CancelErrorDetail {
  readonly code: string;
  readonly message: string;
  /** Whether trying again may work (network, timeout, 5xx); the same idempotency key is reused. */
  readonly retryable: boolean;
}

const REASONS: readonly Reason[] = ['illness', 'personal-emergency', 'other'];

function reasonLabel(reason: Reason): string {
  switch (reason) {
    case 'illness':
      return msg('Illness', { id: 'rc.reason.illness' });
    case 'personal-emergency':
      return msg('Personal emergency', { id: 'rc.reason.personal-emergency' });
    default:
      return msg('Something else', { id: 'rc.reason.other' });
  }
}

function channelList(channels: readonly string[]): string {
  const names: Record<string, string> = {
    email: msg('email', { id: 'rc.channel.email' }),
    sms: msg('text message', { id: 'rc.channel.sms' }),
    phone: msg('a phone call', { id: 'rc.channel.phone' }),
  };
  return channels.map((c) => names[c] ?? c).join(', ');
}

/**
 * @summary Cancels one session when the therapist can't hold it: shows what the policy will do
 * and why before anything is sent, lets the therapist pick the alternatives to offer, then cancels.
 *
 * @event rc-cancel-submit - Cancelable, before the write. `detail`: {@link CancelSubmitDetail}.
 * @event rc-cancel-success - The host cancelled (or took the team request). `detail`: {@link CancelSuccessDetail}.
 * @event rc-cancel-error - The write failed; everything entered is kept. `detail`: {@link CancelErrorDetail}.
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
 */
export class RcCancelSession extends RaincheckElement {
  static override styles = [baseStyles, cancelSessionStyles];

  static override properties = {
    ...RaincheckElement.properties,
    sessionId: { attribute: 'session-id', reflect: true },
    state: { reflect: true },
    session: { state: true },
    decision: { state: true },
    slots: { state: true },
    reason: { state: true },
    note: { state: true },
    selectedSlots: { state: true },
    refundOffered: { state: true },
    failure: { state: true },
    result: { state: true },
  };

  /** The session to cancel. */
  declare sessionId: string;
  /** The current state (read-only; reflected as an attribute for styling). */
  declare state: CancelSessionState;
  private declare session: Session | undefined;
  private declare decision: Decision | undefined;
  private declare slots: Slot[] | undefined;
  private declare reason: Reason | undefined;
  private declare note: string;
  private declare selectedSlots: ReadonlySet<string>;
  private declare refundOffered: boolean;
  private declare failure: CancelErrorDetail | undefined;
  private declare result: CancelSuccessDetail | undefined;

  #facts: Omit<Facts, 'action' | 'now' | 'request'> | undefined;
  #evaluation = 0;
  #load = 0;
  readonly #keys = new IntentKeys('raincheck:cancel');

  constructor() {
    super();
    this.sessionId = '';
    this.state = 'loading';
    this.note = '';
    this.selectedSlots = new Set();
    this.refundOffered = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('sessionId') || changed.has('baseUrl') || (changed as Map<PropertyKey, unknown>).has('config')) && this.sessionId && this.settings.baseUrl) {
      void this.#loadSession();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Focus follows the state: the new state's heading takes it, so screen readers announce it.
    if (changed.has('state') && changed.get('state') !== undefined && this.state !== 'submitting') {
      this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
    }
  }

  async #loadSession(): Promise<void> {
    const load = ++this.#load;
    this.state = 'loading';
    this.session = undefined;
    this.decision = undefined;
    this.failure = undefined;
    try {
      const client = this.client;
      const sessionId = this.sessionId;
      const { session } = await client.getSession({ sessionId });
      if (load !== this.#load) return;
      this.session = session;
      const now = Date.now();
      const [facts, { slots }] = await Promise.all([
        client.getPolicyFacts({ sessionId }),
        client.listSlots({
          therapistId: session.therapistId,
          query: { from: new Date(now).toISOString(), to: new Date(now + 28 * 86_400_000).toISOString() },
        }),
      ]);
      if (load !== this.#load) return;
      const { client: _shown, therapistId: _t, ...sessionFacts } = session;
      this.#facts = { session: sessionFacts, ...facts };
      this.slots = slots;
      await this.#evaluate();
      if (load !== this.#load) return;
      this.state = 'ready';
    } catch (error) {
      if (load === this.#load) this.#fail(error);
    }
  }

  /** Re-decides with what the therapist has entered; the latest answer wins. */
  async #evaluate(): Promise<void> {
    if (!this.#facts) return;
    const evaluation = ++this.#evaluation;
    const policy = await this.policy();
    const decision = await policy.evaluate({
      ...this.#facts,
      action: 'cancel',
      now: new Date().toISOString(),
      request: { ...(this.reason ? { reason: this.reason } : {}), ...(this.note ? { note: this.note } : {}) },
    });
    if (evaluation === this.#evaluation) this.decision = decision;
  }

  get #mode(): 'cancel' | 'team-request' | 'blocked' {
    const outcome = this.decision?.outcome;
    return outcome === 'blocked' ? 'blocked' : outcome === 'needs-team' ? 'team-request' : 'cancel';
  }

  get #minSlots(): number {
    return this.#mode === 'cancel' ? (this.decision?.alternatives?.minSlots ?? 0) : 0;
  }

  get #noteMinLength(): number {
    return this.decision?.requirements.find((r) => r.kind === 'written-reason')?.minLength ?? 0;
  }

  /** What still stops the therapist from confirming, in order. */
  get #missing(): string[] {
    const missing: string[] = [];
    if (!this.reason) missing.push(msg('Choose a reason.', { id: 'rc.cancel.missing-reason' }));
    if (this.note.trim().length < this.#noteMinLength) {
      missing.push(msg(str`Write a reason of at least ${this.#noteMinLength} characters.`, { id: 'rc.cancel.missing-note' }));
    }
    if (this.selectedSlots.size < this.#minSlots) {
      missing.push(msg(str`Choose at least ${this.#minSlots} alternative times.`, { id: 'rc.cancel.missing-slots' }));
    }
    return missing;
  }

  #fail(error: unknown): CancelErrorDetail {
    const retryable = error instanceof HostApiError ? !(error instanceof HostResponseError) || error.status >= 500 || error.status === 429 : true;
    this.failure = {
      code: error instanceof HostApiError ? error.code : 'unexpected',
      message:
        error instanceof HostResponseError && error.status < 500
          ? error.message
          : error instanceof HostApiError && error.code === 'contract'
            ? msg('The booking system sent an answer this page does not understand. Nothing was changed by this page; please try again later or contact support.', { id: 'rc.error.contract' })
            : error instanceof HostApiError
              ? msg('The booking system could not be reached. Nothing was lost: try again.', { id: 'rc.error.network' })
              : msg('Something went wrong. Nothing was lost: try again.', { id: 'rc.error.unexpected' }),
      retryable,
    };
    this.state = 'error';
    return this.failure;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.state === 'submitting' || !this.session || !this.decision || this.#missing.length > 0 || this.#mode === 'blocked') return;
    const kind = this.#mode === 'team-request' ? 'team-request' : 'cancel';
    const shown: DecisionShown = {
      policyId: this.decision.policy.id,
      policyVersion: this.decision.policy.version,
      policyHash: this.decision.policy.hash,
      outcome: this.decision.outcome,
    };
    const alternativeSlotIds = kind === 'cancel' ? [...this.selectedSlots] : [];
    const refundOffered = kind === 'cancel' && this.decision.refund !== null && this.refundOffered;
    const detail: CancelSubmitDetail = { sessionId: this.session.id, reason: this.reason!, note: this.note, alternativeSlotIds, refundOffered, kind, decision: shown };
    const proceed = this.dispatchEvent(new CustomEvent<CancelSubmitDetail>('rc-cancel-submit', { detail, bubbles: true, composed: true, cancelable: true }));
    if (!proceed) return;
    this.state = 'submitting';
    this.failure = undefined;
    const body =
      kind === 'cancel'
        ? { reason: detail.reason, ...(this.note ? { note: this.note } : {}), alternativeSlotIds, refundOffered, decision: shown }
        : { kind: 'session-started' as const, therapistId: this.session.therapistId, sessionId: this.session.id, reason: `${reasonLabel(detail.reason)}: ${this.note}` };
    const idempotencyKey = this.#keys.keyFor(this.session.id, body);
    try {
      const result: CancelSuccessDetail =
        kind === 'cancel'
          ? { kind, result: await this.client.cancelSession({ sessionId: this.session.id, version: this.session.version, idempotencyKey, body: body as never }) }
          : { kind, result: await this.client.createTeamRequest({ idempotencyKey, body: body as never }) };
      this.#keys.settle(this.session.id);
      this.result = result;
      this.state = 'success';
      this.dispatchEvent(new CustomEvent<CancelSuccessDetail>('rc-cancel-success', { detail: result, bubbles: true, composed: true }));
    } catch (error) {
      const failure = this.#fail(error);
      // The host gave a final answer: the next attempt is a new intent with a new key.
      if (!failure.retryable) this.#keys.settle(this.session.id);
      this.dispatchEvent(new CustomEvent<CancelErrorDetail>('rc-cancel-error', { detail: failure, bubbles: true, composed: true }));
    }
  }

  #input(update: () => void): void {
    update();
    void this.#evaluate();
  }

  protected override render(): TemplateResult {
    if (this.state === 'success') return this.#renderSuccess();
    return html`
      ${this.state === 'loading'
        ? html`<h2 part="heading" tabindex="-1">${msg('Cancel session', { id: 'rc.cancel.heading' })}</h2>
            <p part="status" role="status">${msg('Loading the session…', { id: 'rc.cancel.loading' })}</p>`
        : nothing}
      ${this.session ? this.#renderSession(this.session) : nothing}
      ${this.state === 'error' && this.failure ? this.#renderFailure(this.failure) : nothing}
      ${this.session && this.decision ? this.#renderForm(this.decision) : nothing}
    `;
  }

  #renderSession(session: Session): TemplateResult {
    const locale = this.formatLocale;
    const viewerZone = viewerTimeZone();
    const otherZone = session.timeZone !== viewerZone;
    return html`
      ${this.state !== 'loading'
        ? html`<h2 part="heading" tabindex="-1">${this.#mode === 'team-request' ? msg('Ask the team to cancel', { id: 'rc.cancel.heading-team' }) : msg('Cancel session', { id: 'rc.cancel.heading' })}</h2>`
        : nothing}
      <p part="session">
        ${msg(str`With ${session.client.displayName}`, { id: 'rc.cancel.with' })} ·
        <time datetime=${session.startsAt}>${formatDateTime(session.startsAt, locale)}</time>
        ${otherZone
          ? html`<span class="zone">(${msg(str`${formatTime(session.startsAt, locale, session.timeZone)} in ${session.timeZone}`, { id: 'rc.cancel.session-zone' })})</span>`
          : nothing}
      </p>
    `;
  }

  #renderFailure(failure: CancelErrorDetail): TemplateResult {
    return html`
      <div part="error" role="alert">
        <p>${failure.message}</p>
        ${failure.retryable && this.decision
          ? html`<button part="retry" type="button" data-variant="secondary" @click=${(e: Event) => void this.#submit(e)}>${msg('Try again', { id: 'rc.common.retry' })}</button>`
          : !this.decision
            ? html`<button part="retry" type="button" data-variant="secondary" @click=${() => void this.#loadSession()}>${msg('Try again', { id: 'rc.common.retry' })}</button>`
            : nothing}
      </div>
    `;
  }

  #renderForm(decision: Decision): TemplateResult {
    if (this.#mode === 'blocked') {
      return html`<div part="decision"><p>${decision.blocks.map((b) => b.message).join(' ')}</p></div>`;
    }
    const busy = this.state === 'submitting';
    const missing = this.#missing;
    const noteMin = this.#noteMinLength;
    return html`
      <form part="form" @submit=${(e: Event) => void this.#submit(e)} aria-busy=${busy ? 'true' : 'false'}>
        <fieldset part="reason" ?disabled=${busy}>
          <legend>${msg("Why can't you hold the session?", { id: 'rc.cancel.reason-legend' })}</legend>
          ${REASONS.map(
            (reason) => html`<label class="choice">
              <input type="radio" name="reason" .value=${reason} .checked=${this.reason === reason} @change=${() => this.#input(() => (this.reason = reason))} />
              ${reasonLabel(reason)}
            </label>`,
          )}
        </fieldset>
        <label class="field">
          <span>${noteMin > 0 ? msg(str`Reason for the team (at least ${noteMin} characters)`, { id: 'rc.cancel.note-required' }) : msg('Note (optional)', { id: 'rc.cancel.note' })}</span>
          <textarea part="note" .value=${this.note} ?disabled=${busy} ?required=${noteMin > 0} minlength=${noteMin || nothing} @input=${(e: Event) => this.#input(() => (this.note = (e.target as HTMLTextAreaElement).value))}></textarea>
        </label>
        ${this.#renderDecision(decision)}
        ${this.#mode === 'cancel' ? this.#renderAlternatives(decision, busy) : nothing}
        ${this.#mode === 'cancel' && decision.refund ? this.#renderRefund(decision, busy) : nothing}
        ${missing.length > 0 && this.reason ? html`<p class="hint" id="missing">${missing.join(' ')}</p>` : nothing}
        <button part="submit" type="submit" data-variant="primary" ?disabled=${busy || missing.length > 0} aria-describedby=${missing.length > 0 && this.reason ? 'missing' : nothing}>
          ${busy
            ? msg('Sending…', { id: 'rc.common.sending' })
            : this.#mode === 'team-request'
              ? msg('Send to the team', { id: 'rc.cancel.submit-team' })
              : msg('Cancel session', { id: 'rc.cancel.submit' })}
        </button>
        ${busy ? html`<p part="status" role="status">${msg('Sending…', { id: 'rc.common.sending' })}</p>` : nothing}
      </form>
    `;
  }

  /** One effect and, on request, the rule's own explanation. */
  #effect(text: string, ruleIds: readonly string[], decision: Decision, extra: string = ''): TemplateResult {
    const rules = decision.explanations.filter((e) => ruleIds.includes(e.ruleId));
    return html`<li part="effect ${extra}">
      <span>${text}</span>
      <details part="explanation">
        <summary>${msg('Why?', { id: 'rc.decision.why' })}</summary>
        <ul>
          ${rules.map((rule) => html`<li>${rule.description}</li>`)}
        </ul>
      </details>
    </li>`;
  }

  #renderDecision(decision: Decision): TemplateResult {
    const locale = this.formatLocale;
    const name = this.session?.client.displayName ?? '';
    const effects: TemplateResult[] = [];
    if (decision.notify) {
      effects.push(this.#effect(msg(str`${name} is told now by ${channelList(decision.notify.channels)}.`, { id: 'rc.decision.notify' }), decision.notify.ruleIds, decision));
    }
    if (this.#mode === 'team-request') {
      for (const team of decision.team) effects.push(this.#effect(team.message, team.ruleIds, decision));
    }
    if (decision.alternatives && this.#mode === 'cancel') {
      effects.push(this.#effect(msg(str`Offer at least ${decision.alternatives.minSlots} other times within ${decision.alternatives.withinDays} days.`, { id: 'rc.decision.alternatives' }), decision.alternatives.ruleIds, decision));
    }
    if (decision.refund && this.#mode === 'cancel') {
      const amount = formatMoney(decision.refund.amount, decision.refund.currency, locale);
      effects.push(
        this.#effect(
          decision.refund.mode === 'team-review'
            ? msg(str`${name} may choose a refund of ${amount}; the platform team reviews it first.`, { id: 'rc.decision.refund-review' })
            : msg(str`${name} may choose a refund of ${amount} instead.`, { id: 'rc.decision.refund' }),
          decision.refund.ruleIds,
          decision,
        ),
      );
    }
    for (const requirement of decision.requirements) effects.push(this.#effect(requirement.message, requirement.ruleIds, decision));
    for (const warning of decision.warnings) effects.push(this.#effect(warning.message, warning.ruleIds, decision, `warning warning-${warning.level}`));
    return html`<section part="decision" aria-labelledby="decision-heading">
      <h3 id="decision-heading">${msg('What will happen', { id: 'rc.decision.heading' })}</h3>
      <ul aria-live="polite">
        ${effects}
      </ul>
    </section>`;
  }

  #renderAlternatives(decision: Decision, busy: boolean): TemplateResult {
    const within = Date.now() + (decision.alternatives?.withinDays ?? 14) * 86_400_000;
    const slots = (this.slots ?? []).filter((s) => Date.parse(s.startsAt) <= within);
    const days = new Map<string, Slot[]>();
    for (const slot of slots) days.set(dayKey(slot.startsAt), [...(days.get(dayKey(slot.startsAt)) ?? []), slot]);
    const locale = this.formatLocale;
    const min = this.#minSlots;
    return html`<fieldset part="alternatives" ?disabled=${busy}>
      <legend>${msg(str`Times to offer instead (choose at least ${min})`, { id: 'rc.cancel.alternatives-legend' })}</legend>
      ${slots.length === 0 ? html`<p>${msg('You have no open times in that period. Add some in your calendar, then reload.', { id: 'rc.cancel.no-slots' })}</p>` : nothing}
      ${[...days.values()].map(
        (daySlots) => html`<div part="day" role="group" aria-label=${formatDay(daySlots[0]!.startsAt, locale)}>
          <h4>${formatDay(daySlots[0]!.startsAt, locale)}</h4>
          ${daySlots.map(
            (slot) => html`<label part="slot" class="choice">
              <input
                type="checkbox"
                .checked=${this.selectedSlots.has(slot.id)}
                @change=${(e: Event) => {
                  const next = new Set(this.selectedSlots);
                  if ((e.target as HTMLInputElement).checked) next.add(slot.id);
                  else next.delete(slot.id);
                  this.selectedSlots = next;
                }}
              />
              <time datetime=${slot.startsAt}>${formatTime(slot.startsAt, locale)}</time>
            </label>`,
          )}
        </div>`,
      )}
    </fieldset>`;
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
    const name = this.session?.client.displayName ?? '';
    const decision = this.decision;
    return html`
      <h2 part="heading" tabindex="-1">
        ${result.kind === 'cancel' ? msg('Session cancelled', { id: 'rc.cancel.done' }) : msg('Sent to the team', { id: 'rc.cancel.done-team' })}
      </h2>
      <div part="next" role="status">
        ${result.kind === 'cancel'
          ? html`<p>${msg(str`${name} is being told now${decision?.notify ? ` (${channelList(decision.notify.channels)})` : ''}.`, { id: 'rc.cancel.next-notified' })}</p>
              <p>${msg(str`They can choose one of the ${this.selectedSlots.size} times you offered${this.refundOffered && decision?.refund ? msg(' or a refund', { id: 'rc.cancel.next-or-refund' }) : ''}.`, { id: 'rc.cancel.next-choice' })}</p>`
          : html`<p>${msg('The platform team has your request and will rearrange or cancel the session with you.', { id: 'rc.cancel.next-team' })}</p>`}
      </div>
    `;
  }
}
