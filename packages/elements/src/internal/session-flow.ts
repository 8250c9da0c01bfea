import { msg } from '@lit/localize';
import { createTeamRequestRoute, type EndpointResponse, getPolicyFactsRoute, getSessionRoute, listSlotsRoute, type Session, type Slot } from '@raincheck/host-api/client';
import type { Decision, Reason } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import { PolicyFlowElement, type PolicyMode, type ViewsModule } from './policy-flow.js';
import { failureAlert, reasonLabel, sessionSummary } from './templates.js';

export type { WidgetErrorDetail, WidgetState } from './flow-element.js';
export type { DecisionDetail } from './policy-flow.js';

/** What every session widget's form (in its views module) is given. */
export interface SessionFormProps {
  readonly decision: Decision;
  readonly mode: PolicyMode;
  readonly clientName: string;
  readonly locale: string;
  /** Sending: the fields are disabled and the button says so. */
  readonly busy: boolean;
  /** What still stops the person from confirming, in order. */
  readonly missing: readonly string[];
  readonly onSubmit: (event: Event) => void;
}

/** How far ahead the slot pickers look. */
const SLOT_HORIZON_DAYS = 28;

/**
 * The shared life of a widget that changes one session: load the session, its policy facts and
 * the therapist's open slots, then decide and write as {@link PolicyFlowElement} does, one intent per session.
 */
export abstract class SessionFlowElement<Views extends ViewsModule = ViewsModule> extends PolicyFlowElement<Views> {
  static override properties = {
    ...PolicyFlowElement.properties,
    sessionId: { attribute: 'session-id', reflect: true },
    session: { state: true },
    slots: { state: true },
  };

  /** The session this widget changes. */
  declare sessionId: string;
  protected declare session: Session | undefined;
  protected declare slots: Slot[] | undefined;

  /** The policy action this widget performs. */
  protected abstract override readonly action: 'cancel' | 'reschedule' | 'refund' | 'attendance-update';
  /** Whether the widget offers the therapist's open slots (cancel, rearrange). */
  protected readonly needsSlots: boolean = true;

  protected readonly subjectProperty = 'sessionId';

  constructor() {
    super();
    this.sessionId = '';
  }

  /** Loads everything; the session shows as soon as it arrives, before the policy engine. */
  protected async loadSubject(current: () => boolean, signal: AbortSignal): Promise<void> {
    this.session = undefined;
    const { session } = await this.host.send(getSessionRoute, { sessionId: this.sessionId, signal });
    if (!current()) return;
    this.session = session;
    const [facts] = await Promise.all([this.host.send(getPolicyFactsRoute, { sessionId: this.sessionId, signal }), this.refreshSlots(signal)]);
    if (!current()) return;
    // What the host shows but the policy does not decide on (its session facts are strict).
    const { client: _shown, therapistId: _therapist, refund: _refund, ...sessionFacts } = session;
    this.facts = { session: sessionFacts, ...facts };
    await this.evaluate();
  }

  /** Reads the therapist's open slots again (after a conflict, say). */
  protected async refreshSlots(signal?: AbortSignal): Promise<void> {
    if (!this.session || !this.needsSlots) return;
    const now = Date.now();
    const { slots } = await this.host.send(listSlotsRoute, {
      ...(signal ? { signal } : {}),
      therapistId: this.session.therapistId,
      query: { from: new Date(now).toISOString(), to: new Date(now + SLOT_HORIZON_DAYS * 86_400_000).toISOString() },
    });
    this.slots = slots;
  }

  /** Writes to the session once (see {@link FlowElement.writeOnce}): one intent per session. */
  protected write<Result>(prefix: string, detail: unknown, body: unknown, send: (idempotencyKey: string) => Promise<Result>): Promise<Result | undefined> {
    if (!this.session) return Promise.resolve(undefined);
    return this.writeOnce(prefix, detail, this.session.id, (keyFor) => send(keyFor('', body)));
  }

  /** Sends a session that has started to the team, with the reason and note; `wrap` shapes the success detail. */
  protected askTeam<Result>(prefix: string, detail: unknown, reason: Reason, note: string, wrap: (teamRequest: EndpointResponse<'createTeamRequest'>) => Result): Promise<Result | undefined> {
    const session = this.session!;
    const body = { kind: 'session-started' as const, therapistId: session.therapistId, sessionId: session.id, reason: `${reasonLabel(reason)}: ${note}` };
    return this.write(prefix, detail, body, async (idempotencyKey) => wrap(await this.host.send(createTeamRequestRoute, { idempotencyKey, body })));
  }

  /** The props every form gets, from the widget's state. */
  protected formProps(decision: Decision, missing: readonly string[], submit: (event: Event) => Promise<void>): SessionFormProps {
    return {
      decision,
      mode: this.mode,
      clientName: this.session?.client.displayName ?? '',
      locale: this.formatLocale,
      busy: this.state === 'submitting',
      missing,
      onSubmit: (event) => void submit(event),
    };
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
