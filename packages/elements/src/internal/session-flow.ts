import { msg, str } from '@lit/localize';
import { HostApiError, HostResponseError, type DecisionShown, type EndpointResponse, type Session, type Slot } from '@raincheck/host-api';
import type { Decision, Facts, Reason } from '@raincheck/policy';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { IntentKeys } from './intent-keys.js';
import { RaincheckElement } from './raincheck-element.js';
import { failureAlert, reasonLabel, sessionSummary } from './templates.js';

/** A widget's state; each has its own heading, which takes focus when the state changes. */
export type WidgetState = 'loading' | 'ready' | 'submitting' | 'success' | 'error';

/** What went wrong, as the `-error` events carry it; everything entered is kept. */
export interface WidgetErrorDetail {
  readonly code: string;
  readonly message: string;
  /** Whether trying again may work (network, timeout, 5xx); the same idempotency key is reused. */
  readonly retryable: boolean;
}

/** `rc-decision`: the policy decided again (the page loaded, the person typed, the rules changed). */
export interface DecisionDetail {
  /** The decision, with every rule's explanation. */
  readonly decision: Decision;
  /** The facts it was made from. */
  readonly facts: Facts;
}

/** How far ahead the slot pickers look. */
const SLOT_HORIZON_DAYS = 28;

/**
 * The shared life of a widget that changes one session: load the session, its policy facts and
 * the therapist's open slots; re-decide with the policy as the therapist types; write once, with a
 * cancelable `<prefix>-submit` event before and `-success` / `-error` after.
 */
export abstract class SessionFlowElement extends RaincheckElement {
  static override properties = {
    ...RaincheckElement.properties,
    sessionId: { attribute: 'session-id', reflect: true },
    state: { reflect: true },
    session: { state: true },
    decision: { state: true },
    slots: { state: true },
    failure: { state: true },
  };

  /** The session this widget changes. */
  declare sessionId: string;
  /** The current state (reflected as an attribute for styling). */
  declare state: WidgetState;
  protected declare session: Session | undefined;
  protected declare decision: Decision | undefined;
  protected declare slots: Slot[] | undefined;
  protected declare failure: WidgetErrorDetail | undefined;

  /** The policy action this widget performs. */
  protected abstract readonly action: 'cancel' | 'reschedule' | 'refund' | 'attendance-update';
  /** Whether the widget offers the therapist's open slots (cancel, rearrange). */
  protected readonly needsSlots: boolean = true;
  /** The request facts from what the person has entered. */
  protected abstract requestFacts(): NonNullable<Facts['request']>;

  #facts: Omit<Facts, 'action' | 'now' | 'request'> | undefined;
  #evaluation = 0;
  #load = 0;
  #keys: IntentKeys | undefined;

  constructor() {
    super();
    this.sessionId = '';
    this.state = 'loading';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const any = changed as Map<PropertyKey, unknown>;
    if ((changed.has('sessionId') || changed.has('baseUrl') || any.has('config')) && this.sessionId && this.settings.baseUrl) {
      void this.load();
    } else if ((any.has('rules') || any.has('rulesUrl')) && this.state !== 'submitting') {
      // Other rules (a policy owner editing them, say): decide again, keeping what was entered.
      void this.evaluate().catch((error: unknown) => this.fail(error));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Focus follows the state: the new state's heading takes it, so screen readers announce it.
    if (changed.has('state') && changed.get('state') !== undefined && this.state !== 'submitting') {
      this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
    }
  }

  /** Loads everything; the session shows as soon as it arrives, before the policy engine. */
  protected async load(): Promise<void> {
    const load = ++this.#load;
    this.state = 'loading';
    this.session = undefined;
    this.decision = undefined;
    this.failure = undefined;
    try {
      const { session } = await this.client.getSession({ sessionId: this.sessionId });
      if (load !== this.#load) return;
      this.session = session;
      const [facts] = await Promise.all([this.client.getPolicyFacts({ sessionId: this.sessionId }), this.refreshSlots()]);
      if (load !== this.#load) return;
      const { client: _shown, therapistId: _therapist, ...sessionFacts } = session;
      this.#facts = { session: sessionFacts, ...facts };
      await this.evaluate();
      if (load === this.#load) this.state = 'ready';
    } catch (error) {
      if (load === this.#load) this.fail(error);
    }
  }

  /** Reads the therapist's open slots again (after a conflict, say). */
  protected async refreshSlots(): Promise<void> {
    if (!this.session || !this.needsSlots) return;
    const now = Date.now();
    const { slots } = await this.client.listSlots({
      therapistId: this.session.therapistId,
      query: { from: new Date(now).toISOString(), to: new Date(now + SLOT_HORIZON_DAYS * 86_400_000).toISOString() },
    });
    this.slots = slots;
  }

  /** Re-decides with what has been entered; the latest answer wins. */
  protected async evaluate(): Promise<void> {
    if (!this.#facts) return;
    const evaluation = ++this.#evaluation;
    const policy = await this.policy();
    const facts: Facts = { ...this.#facts, action: this.action, now: new Date().toISOString(), request: this.requestFacts() };
    const decision = await policy.evaluate(facts);
    if (evaluation !== this.#evaluation) return;
    this.decision = decision;
    this.dispatchEvent(new CustomEvent<DecisionDetail>('rc-decision', { detail: { decision, facts }, bubbles: true, composed: true }));
  }

  /** What the policy lets the person do here. */
  protected get mode(): 'self-serve' | 'team-request' | 'blocked' {
    const outcome = this.decision?.outcome;
    return outcome === 'blocked' ? 'blocked' : outcome === 'needs-team' ? 'team-request' : 'self-serve';
  }

  /** The minimum length of a written reason, 0 when none is required. */
  protected get noteMinLength(): number {
    return this.decision?.requirements.find((r) => r.kind === 'written-reason')?.minLength ?? 0;
  }

  /** The sentence asking for a longer written reason, if `note` is too short for the policy. */
  protected noteShortfall(note: string): string[] {
    return note.trim().length < this.noteMinLength
      ? [msg(str`Write a reason of at least ${this.noteMinLength} characters.`, { id: 'rc.cancel.missing-note' })]
      : [];
  }

  protected shownDecision(decision: Decision): DecisionShown {
    return { policyId: decision.policy.id, policyVersion: decision.policy.version, policyHash: decision.policy.hash, outcome: decision.outcome };
  }

  /** Turns any failure into what the person reads, and moves to the error state. */
  protected fail(error: unknown): WidgetErrorDetail {
    const response = error instanceof HostResponseError ? error : undefined;
    this.failure = {
      code: error instanceof HostApiError ? error.code : 'unexpected',
      message:
        response && response.status < 500
          ? response.message
          : error instanceof HostApiError && error.code === 'contract'
            ? msg('The booking system sent an answer this page does not understand. Nothing was changed by this page; please try again later or contact support.', { id: 'rc.error.contract' })
            : error instanceof HostApiError
              ? msg('The booking system could not be reached. Nothing was lost: try again.', { id: 'rc.error.network' })
              : msg('Something went wrong. Nothing was lost: try again.', { id: 'rc.error.unexpected' }),
      retryable: !response || response.status >= 500 || response.status === 429,
    };
    this.state = 'error';
    return this.failure;
  }

  /**
   * Writes once: fires the cancelable `<prefix>-submit` (stops if prevented), sends with the
   * intent's idempotency key, then fires `<prefix>-success` or `<prefix>-error`.
   * @returns the host's answer, or undefined when vetoed or failed.
   */
  protected async write<Result>(prefix: string, detail: unknown, body: unknown, send: (idempotencyKey: string) => Promise<Result>): Promise<Result | undefined> {
    if (this.state === 'submitting' || !this.session) return undefined;
    const proceed = this.dispatchEvent(new CustomEvent(`${prefix}-submit`, { detail, bubbles: true, composed: true, cancelable: true }));
    if (!proceed) return undefined;
    this.state = 'submitting';
    this.failure = undefined;
    this.#keys ??= new IntentKeys(`raincheck:${this.localName}`);
    const scope = this.session.id;
    try {
      const result = await send(this.#keys.keyFor(scope, body));
      this.#keys.settle(scope);
      this.state = 'success';
      this.dispatchEvent(new CustomEvent<Result>(`${prefix}-success`, { detail: result, bubbles: true, composed: true }));
      return result;
    } catch (error) {
      const failure = this.fail(error);
      // A final answer from the host: the next attempt is a new intent with a new key.
      if (!failure.retryable) this.#keys.settle(scope);
      this.dispatchEvent(new CustomEvent<WidgetErrorDetail>(`${prefix}-error`, { detail: failure, bubbles: true, composed: true }));
      return undefined;
    }
  }

  /** Applies an edit, then re-decides with it. */
  protected input(update: () => void): void {
    update();
    void this.evaluate().catch((error: unknown) => this.fail(error));
  }

  /** Sends a session that has started to the team, with the reason and note; `wrap` shapes the success detail. */
  protected askTeam<Result>(prefix: string, detail: unknown, reason: Reason, note: string, wrap: (teamRequest: EndpointResponse<'createTeamRequest'>) => Result): Promise<Result | undefined> {
    const session = this.session!;
    const body = { kind: 'session-started' as const, therapistId: session.therapistId, sessionId: session.id, reason: `${reasonLabel(reason)}: ${note}` };
    return this.write(prefix, detail, body, async (idempotencyKey) => wrap(await this.client.createTeamRequest({ idempotencyKey, body })));
  }

  /**
   * What every state but success shows: the heading (focus target), loading status, the session
   * as soon as it is known, the error with "Try again" where that can help, then `form`.
   */
  protected renderFrame(heading: string, retry: () => void, form: TemplateResult | typeof nothing): TemplateResult {
    return html`
      <h2 part="heading" tabindex="-1">${heading}</h2>
      ${this.state === 'loading' ? html`<p part="status" role="status">${msg('Loading the session…', { id: 'rc.cancel.loading' })}</p>` : nothing}
      ${this.session ? sessionSummary(this.session, this.formatLocale) : nothing}
      ${this.state === 'error' && this.failure ? failureAlert(this.failure, this.failure.retryable ? () => (this.decision ? retry() : void this.load()) : undefined) : nothing}
      ${this.session && this.decision ? form : nothing}
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-decision': CustomEvent<DecisionDetail>;
  }
}
