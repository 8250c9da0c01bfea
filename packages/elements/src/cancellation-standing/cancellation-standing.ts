import { msg } from '@lit/localize';
import { getTherapistRoute } from '@raincheck/host-api/client';
import type { WarningLevel } from '@raincheck/policy';
import { html, nothing, type TemplateResult } from 'lit';
import { PolicyDecision } from '../controllers/policy-decision.js';
import { DecisionEvent } from '../events/decision-event.js';
import { FlowElement } from '../internal/flow-element.js';
import { frame } from '../internal/frame.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { cancellationStandingStyles } from './cancellation-standing.styles.js';

type StandingViews = typeof import('./cancellation-standing.decided.js');

/** One frequency threshold of the policy, and where the therapist is against it. */
export interface Threshold {
  readonly ruleId: string;
  readonly level: WarningLevel;
  readonly threshold: number;
  readonly windowDays: number;
  /** Changes in the window now. */
  readonly count: number;
}

/**
 * @customElement rc-cancellation-standing
 * @summary A small read-only view of where the therapist stands: their cancellations and
 * rearrangements in the policy's window against its thresholds, what the next one would trigger,
 * and the policy article's advice.
 *
 *
 * @csspart heading - The heading.
 * @csspart count - The number of changes in the window.
 * @csspart thresholds - The policy's thresholds.
 * @csspart threshold - One threshold.
 * @csspart threshold-reached - A threshold already reached.
 * @csspart threshold-next - The threshold the next change would reach.
 * @csspart decision - What one more change would trigger, and why.
 * @csspart effect - One thing it would trigger.
 * @csspart explanation - A rule's own explanation.
 * @csspart advice - The policy article's advice.
 * @csspart status - The loading message.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 *
 * @cssproperty --rc-color-accent - Links and focus.
 * @cssproperty --rc-color-text - Text.
 * @cssproperty --rc-color-surface - Background.
 * @cssproperty --rc-color-border - Borders, and thresholds not reached.
 * @cssproperty --rc-color-warning - Thresholds reached, and warnings.
 * @cssproperty --rc-radius - Corner radius.
 * @cssproperty --rc-font-family - Font.
 * @cssproperty --rc-color-scheme - `light`, `dark` or `light dark` (default: follow the system): picks the light or dark colours and native controls.
 */
export class RcCancellationStanding extends FlowElement {
  static override styles = [baseStyles, sessionFlowStyles, cancellationStandingStyles];
  /** The events it fires, as the manifest lists them. */
  static readonly events = [DecisionEvent] as const;

  static override properties = {
    ...FlowElement.properties,
    therapistId: { attribute: 'therapist-id', reflect: true },
    thresholds: { state: true },
  };

  /** The therapist whose standing this is. */
  declare therapistId: string;
  declare private thresholds: readonly Threshold[] | undefined;

  /** Ids of the rules that count changes: only their effects are about frequency. */
  #frequencyRules: ReadonlySet<string> = new Set();

  readonly #policy = new PolicyDecision<StandingViews>(this, {
    // What one more change would trigger: a cancellation is counted like a rearrangement.
    action: 'cancel',
    importViews: () => import('./cancellation-standing.decided.js'),
    requestFacts: () => ({}),
    // As every widget's: the rules fetched and the engine imported beside the first call, the formatters warmed.
    ...this.policyContext(),
    prepare: (policy, views, facts) => ([this.thresholds, this.#frequencyRules] = views.readThresholds(policy, facts)),
  });

  constructor() {
    super();
    this.therapistId = '';
  }

  protected get subject(): string {
    return this.therapistId;
  }

  protected override resetSubject(): void {
    this.#policy.reset();
  }

  protected async loadSubject(signal: AbortSignal): Promise<void> {
    const { therapist, history } = await this.host.send(getTherapistRoute, { therapistId: this.therapistId, signal });
    signal.throwIfAborted();
    const { hiddenUntil: _notAFact, ...therapistFacts } = therapist;
    const now = Date.now();
    // The policy decides about a session and its client; the next change's are not known yet, so
    // a placeholder stands in: a session a week away with a returning client. Only the effects of
    // rules that count changes are shown from this decision.
    this.#policy.facts = {
      therapist: therapistFacts,
      history,
      session: {
        id: 'next-change',
        startsAt: new Date(now + 7 * 86_400_000).toISOString(),
        endsAt: new Date(now + 7 * 86_400_000 + 3_000_000).toISOString(),
        timeZone: therapist.timeZone ?? 'UTC',
        status: 'scheduled',
        price: { amount: 0, currency: 'GBP' },
      },
      client: { id: 'next-client', isNew: false, attendedSessions: 1 },
    };
    await this.#policy.decide();
  }

  protected override render(): TemplateResult {
    const { decision, views } = this.#policy;
    const { thresholds } = this;
    return frame({
      heading: msg('Your cancellations and rearrangements', { id: 'rc.standing.heading' }),
      status: this.state === 'loading' ? msg('Loading your standing…', { id: 'rc.standing.loading' }) : undefined,
      failure: this.state === 'error' ? this.failure : undefined,
      onRetry: this.failure?.retryable ? () => void this.load() : undefined,
      body: html`${decision && views && thresholds ? views.standingView(decision, thresholds, this.#frequencyRules) : nothing}
      ${this.state === 'loading' ? nothing : this.#renderAdvice()}`,
    });
  }

  #renderAdvice(): TemplateResult {
    return html`<section part="advice" aria-labelledby="advice-heading">
      <h3 id="advice-heading">${msg('Keeping your standing', { id: 'rc.standing.advice-heading' })}</h3>
      <ul>
        <li>${msg('Cancellations and rearrangements should be rare: when they are frequent, they can lower your quality score and risk your profile being dropped from display.', { id: 'rc.standing.advice-rare' })}</li>
        <li>${msg('If you are struggling with your health or personal circumstances, hide your profile during the months you cannot keep your usual standard of care.', { id: 'rc.standing.advice-hide' })}</li>
        <li>${msg('If you are unsure you can provide ongoing care, or may need to cancel or rearrange, do not leave your profile open to bookings.', { id: 'rc.standing.advice-unsure' })}</li>
        <li>${msg('If you will be away for a long time, tell the team: they can advise on your account and support your return.', { id: 'rc.standing.advice-team' })}</li>
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-cancellation-standing': RcCancellationStanding;
  }
}
