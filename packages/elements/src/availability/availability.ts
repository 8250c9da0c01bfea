import { msg, str } from '@lit/localize';
import { getTherapistRoute, type Session, type Therapist } from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import { PolicyDecision } from '../controllers/policy-decision.js';
import type { AvailabilityChange, AvailabilitySuccessDetail } from '../events/availability-details.js';
import type { AvailabilityFlow } from './availability.decided.js';
export * from '../events/availability-events.js';
import {
  AvailabilityErrorEvent,
  AvailabilitySessionEvent,
  AvailabilitySubmitEvent,
  AvailabilitySuccessEvent,
} from '../events/availability-events.js';
import { DecisionEvent } from '../events/decision-event.js';
import { dayKey, formatDate } from '../format/days.js';
import { FlowElement, type WriterModule } from '../internal/flow-element.js';
import { frame } from '../internal/frame.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { availabilityStyles } from './availability.styles.js';

type AvailabilityViews = typeof import('./availability.decided.js');
/** What <rc-availability> loads once there is something to decide: its views, the engine and the write controller, one chunk. */
const importDecided = (): Promise<AvailabilityViews> => import('./availability.decided.js');

export type {
  AvailabilityChange,
  AvailabilitySubmitDetail,
  AvailabilitySuccessDetail,
  AvailabilityErrorDetail,
  AvailabilitySessionDetail,
} from '../events/availability-details.js';

/**
 * @customElement rc-availability
 * @summary For a therapist who is unwell or away: mark an absence (from, until, or "not sure yet"),
 * see the policy's recommendation (hide the profile while away, tell the team about an extended
 * absence) and the sessions inside the absence that need cancelling or rearranging, then hide the
 * profile and send the team a note. Coming back: the recommendation to show the profile again.
 *
 *
 * @csspart heading - The heading of the current state.
 * @csspart profile - Whether the profile shows to new clients now.
 * @csspart form - The form.
 * @csspart change - The choice between going away and coming back.
 * @csspart from - The first day away.
 * @csspart until - The day of return.
 * @csspart date-in-words - The chosen day in words, in the widget's locale, under each date input.
 * @csspart unsure - "Not sure yet" when the return date is unknown.
 * @csspart decision - The policy's recommendations, and why.
 * @csspart effect - One recommendation.
 * @csspart explanation - A rule's own explanation of a recommendation.
 * @csspart sessions - The sessions inside the absence.
 * @csspart affected-session - One session inside the absence.
 * @csspart session-action - Its "Cancel" and "Rearrange" buttons.
 * @csspart hide-profile - The choice to hide (or show) the profile.
 * @csspart inform-team - The choice to tell the team.
 * @csspart note - The note for the team.
 * @csspart submit - The save button.
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
export class RcAvailability extends FlowElement {
  static override styles = [baseStyles, sessionFlowStyles, availabilityStyles];
  /** The events it fires, as the manifest lists them. */
  static readonly events = [
    AvailabilitySubmitEvent,
    AvailabilitySuccessEvent,
    AvailabilityErrorEvent,
    DecisionEvent,
    AvailabilitySessionEvent,
  ] as const;

  static override properties = {
    ...FlowElement.properties,
    therapistId: { attribute: 'therapist-id', reflect: true },
    therapist: { state: true },
    change: { state: true },
    from: { state: true },
    until: { state: true },
    unsure: { state: true },
    changeProfile: { state: true },
    informTeam: { state: true },
    note: { state: true },
    affected: { state: true },
    result: { state: true },
  };

  /** The therapist whose availability this is. */
  declare therapistId: string;
  declare private therapist: Therapist | undefined;
  declare private change: AvailabilityChange;
  declare private from: string;
  declare private until: string;
  declare private unsure: boolean;
  /** Hide (away) or show (back) the profile; undefined follows the policy's recommendation. */
  declare private changeProfile: boolean | undefined;
  /** Undefined follows the policy's recommendation. */
  declare private informTeam: boolean | undefined;
  declare private note: string;
  /** The scheduled sessions inside the absence; undefined while they load. */
  declare private affected: Session[] | undefined;
  declare private result: AvailabilitySuccessDetail | undefined;

  /** The decided module, as soon as it has loaded (the policy's `views` only come with the first decision). */
  #views: AvailabilityViews | undefined;

  readonly #policy = new PolicyDecision<AvailabilityViews>(this, {
    action: 'availability-change',
    importViews: () => importDecided().then((views) => (this.#views = views)),
    // Asked at each decision, which runs in the decided module: the request facts are built there.
    requestFacts: () => this.#views!.requestFactsOf(this.#flow.now()),
    ...this.policyContext(),
  });

  /** What the decided form and the write read and change of this widget. */
  readonly #flow: AvailabilityFlow = {
    policy: this.#policy,
    ...this.flowOf(() => ({
      therapist: this.therapist,
      change: this.change,
      from: this.from,
      until: this.until,
      unsure: this.unsure,
      changeProfile: this.changeProfile,
      informTeam: this.informTeam,
      note: this.note,
      affected: this.affected,
      result: this.result,
    })),
    therapistId: () => this.therapistId,
    fail: (error) => this.fail(error),
    today: () => this.#today,
    profile: (therapist) => this.#renderProfile(therapist),
    onOpen: (sessionId, action) => this.dispatchEvent(new AvailabilitySessionEvent({ sessionId, action })),
  };

  constructor() {
    super();
    this.therapistId = '';
    this.change = 'away';
    this.from = '';
    this.until = '';
    this.unsure = false;
    this.note = '';
  }

  /** Today in the therapist's calendar. */
  get #today(): string {
    return dayKey(new Date().toISOString(), this.therapist?.timeZone);
  }

  protected override importWriter(): WriterModule | Promise<WriterModule> {
    // Loaded with the views, which a submit needs first: then at once, as the click happens.
    return this.#policy.views ?? importDecided();
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
    this.therapist = therapist;
    // A hidden profile most likely means the therapist is coming back.
    this.change = therapist.profileVisible ? 'away' : 'back';
    this.from ||= this.#today;
    const { hiddenUntil: _shownAsProfile, ...therapistFacts } = therapist;
    this.#policy.facts = { therapist: therapistFacts, history };
    // The sessions inside the absence are read beside the decision, with the module it awaits anyway
    // (imported since the widget connected): the listing's code stays out of the first load.
    await Promise.all([
      this.#policy.decide(),
      this.#policy.loadViews().then((views) => views.listAffected(this.#flow)),
    ]);
  }

  protected override render(): TemplateResult {
    const { therapist } = this;
    const { decision, views } = this.#policy;
    if (this.state === 'success' && this.result && views) return views.availabilityDoneOf(this.#flow, this.result);
    return frame({
      heading: msg('Your availability', { id: 'rc.availability.heading' }),
      status:
        this.state === 'loading' ? msg('Loading your availability…', { id: 'rc.availability.loading' }) : undefined,
      summary: therapist ? this.#renderProfile(therapist) : nothing,
      failure: this.state === 'error' ? this.failure : undefined,
      onRetry: this.failure?.retryable
        ? () => (decision ? void views?.availabilitySubmit(this.#flow, new Event('submit')) : void this.load())
        : undefined,
      body: therapist && decision && views ? views.availabilityFormOf(this.#flow, therapist) : nothing,
    });
  }

  #renderProfile(therapist: Therapist): TemplateResult {
    const locale = this.formatLocale;
    return html`<p part="profile">
      ${
        therapist.profileVisible
          ? msg('Your profile is visible to new clients.', { id: 'rc.availability.visible' })
          : therapist.hiddenUntil
            ? msg(
                str`Your profile is hidden from new clients until ${formatDate(therapist.hiddenUntil, locale, therapist.timeZone)}.`,
                { id: 'rc.availability.hidden-until' },
              )
            : msg('Your profile is hidden from new clients.', { id: 'rc.availability.hidden' })
      }
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-availability': RcAvailability;
  }
}
