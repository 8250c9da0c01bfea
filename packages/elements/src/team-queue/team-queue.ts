import { msg } from '@lit/localize';
import {
  type EndpointResponse,
  getTeamRequestRoute,
  listTeamRequestsRoute,
  RESOLUTIONS_BY_KIND,
  resolveTeamRequestRoute,
  type Session,
  type TeamRequest,
  type TeamRequestDetail,
  type TeamRequestKind,
  type TeamResolutionAction,
} from '@raincheck/host-api/client';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { describeFailure, type WidgetErrorDetail } from '../internal/failure.js';
import { IntentKeys } from '../internal/intent-keys.js';
import { RaincheckElement } from '../internal/raincheck-element.js';
import { failureAlert } from '../internal/templates.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { teamQueueStyles } from './team-queue.styles.js';
import { confirmStep, doneView, kindLabel, queueView, requestStory, resolutionForm } from './team-queue.views.js';

/**
 * The queue, one request or its resolution: `loading` (the queue or one request), `ready` (the
 * queue, possibly empty), `detail` (one request opened), `confirming` (an action chosen, waiting
 * for the confirm), `submitting`, `done` (the host resolved it), `error`.
 */
export type TeamQueueState = 'loading' | 'ready' | 'detail' | 'confirming' | 'submitting' | 'done' | 'error';

/** Which requests the queue lists. */
export type TeamQueueStatus = 'open' | 'resolved';

/** The resolutions that fit each kind of request (the contract's `RESOLUTIONS_BY_KIND`). */
export const RESOLUTIONS = RESOLUTIONS_BY_KIND;

/** `rc-resolution-submit`: cancelable, fired before the resolution is sent. `preventDefault()` stops it. */
export interface ResolutionSubmitDetail {
  readonly requestId: string;
  readonly kind: TeamRequestKind;
  readonly action: TeamResolutionAction;
  /** The note back to the therapist, trimmed; empty when none. */
  readonly note: string;
}

/** `rc-resolution-success`: the host's answer: the resolved request, and the refund or session it changed. */
export type ResolutionSuccessDetail = EndpointResponse<'resolveTeamRequest'>;

/** `rc-resolution-error`: what went wrong; the chosen action and note are kept. */
export type ResolutionErrorDetail = WidgetErrorDetail;

/** Fired before each resolution is sent; cancelable: `preventDefault()` stops it. */
export class ResolutionSubmitEvent extends CustomEvent<ResolutionSubmitDetail> {
  static readonly eventName = 'rc-resolution-submit';
  constructor(detail: ResolutionSubmitDetail) {
    super(ResolutionSubmitEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired once the host has resolved the request. */
export class ResolutionSuccessEvent extends CustomEvent<ResolutionSuccessDetail> {
  static readonly eventName = 'rc-resolution-success';
  constructor(detail: ResolutionSuccessDetail) {
    super(ResolutionSuccessEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Fired when sending a resolution failed; what was chosen is kept. */
export class ResolutionErrorEvent extends CustomEvent<ResolutionErrorDetail> {
  static readonly eventName = 'rc-resolution-error';
  constructor(detail: ResolutionErrorDetail) {
    super(ResolutionErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** Where the last failure happened, so "Try again" repeats that. */
type FailedStep = 'queue' | 'request' | 'resolution';

/** Where focus goes after the next render. */
type FocusTarget = { readonly part: 'heading' | 'confirm-heading' } | { readonly request: string };

/**
 * @customElement rc-team-queue
 * @summary The platform team's console: the tenant's open team requests with counts by kind and
 * age, one request opened with its whole story (the therapist's reason and note, the session and
 * client, the money, the decision the therapist was shown and why), and the resolutions that fit
 * its kind (approve or decline a refund, mark a started session rearranged or cancel it,
 * acknowledge an absence) with a note back to the therapist, a confirm step, and the result.
 * A resolution is sent once, whatever the clicks, retries or reloads.
 *
 * @fires rc-resolution-submit - Cancelable, before the resolution is sent. `detail`: {@link ResolutionSubmitDetail}.
 * @fires rc-resolution-success - The host resolved the request. `detail`: {@link ResolutionSuccessDetail}.
 * @fires rc-resolution-error - Sending failed; the action and note are kept. `detail`: {@link ResolutionErrorDetail}.
 *
 * @csspart heading - The heading of the current view.
 * @csspart status - Loading and progress messages.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart filters - The queue's filters.
 * @csspart status-filter - Open or resolved requests.
 * @csspart kind-filter - The filter by kind.
 * @csspart counts - The counts by kind and by age.
 * @csspart count - One count.
 * @csspart count-kind - A count by kind.
 * @csspart count-age - A count by age.
 * @csspart queue - The list of requests.
 * @csspart request - One request in the list.
 * @csspart open-request - The button that opens a request.
 * @csspart kind - A request's kind.
 * @csspart age - How long a request has waited.
 * @csspart age-old - The age of a request waiting more than three days.
 * @csspart reason - The therapist's reason.
 * @csspart empty - Said when no request matches.
 * @csspart back - The button back to the queue.
 * @csspart story - The therapist's reason and note.
 * @csspart therapist-note - The note the therapist wrote, when it says more than the reason.
 * @csspart session-and-client - The session and the client.
 * @csspart money - The refund and its status.
 * @csspart decision - The decision the therapist was shown.
 * @csspart shown - What the therapist's page showed, when it differs from the host's decision.
 * @csspart effect - One effect of that decision.
 * @csspart why - The rules that fired, with their facts.
 * @csspart rule - One rule that fired.
 * @csspart facts - The facts a rule looked at.
 * @csspart resolution - How a resolved request was resolved.
 * @csspart form - The resolution form.
 * @csspart actions - The resolutions that fit the request.
 * @csspart action - One resolution.
 * @csspart note - The note back to the therapist.
 * @csspart continue - The button to the confirm step.
 * @csspart confirm - The confirm step.
 * @csspart confirm-heading - The confirm step's heading.
 * @csspart submit - The confirm button.
 * @csspart change - The button back from the confirm step.
 * @csspart next - The result, after the host resolved the request.
 *
 * @cssprop --rc-color-accent - Buttons, links and the selected filter.
 * @cssprop --rc-color-text - Text.
 * @cssprop --rc-color-text-muted - Secondary text (ages, therapists, rule ids).
 * @cssprop --rc-color-surface - Background.
 * @cssprop --rc-color-surface-raised - Rows, counts and the decision.
 * @cssprop --rc-color-border - Borders.
 * @cssprop --rc-color-danger - Errors.
 * @cssprop --rc-color-warning - Requests waiting longer than three days.
 * @cssprop --rc-color-success - The result.
 * @cssprop --rc-radius - Corner radius.
 * @cssprop --rc-space - Spacing.
 * @cssprop --rc-font-family - Font.
 * @cssprop --rc-color-scheme - `light`, `dark` or `light dark` (default: follow the system): picks the light or dark colours and native controls.
 */
export class RcTeamQueue extends RaincheckElement {
  static override styles = [baseStyles, sessionFlowStyles, teamQueueStyles];

  static override properties = {
    ...RaincheckElement.properties,
    state: { reflect: true },
    status: { reflect: true },
    kind: { reflect: true },
    requests: { state: true },
    sessions: { state: true },
    opened: { state: true },
    action: { state: true },
    note: { state: true },
    result: { state: true },
    failure: { state: true },
  };

  /** The current state (reflected as an attribute for styling). */
  declare state: TeamQueueState;
  /** Which requests the queue lists: `open` (the default) or `resolved`. */
  declare status: TeamQueueStatus;
  /** Only requests of this kind (`new-client-refund`, `session-started`, `extended-absence`, `other`); empty for all. */
  declare kind: TeamRequestKind | '';
  private declare requests: readonly TeamRequest[] | undefined;
  /** The sessions the listed requests are about, by id, for their times. */
  private declare sessions: ReadonlyMap<string, Session>;
  private declare opened: TeamRequestDetail | undefined;
  private declare action: TeamResolutionAction | undefined;
  private declare note: string;
  private declare result: ResolutionSuccessDetail | undefined;
  private declare failure: WidgetErrorDetail | undefined;

  #failedStep: FailedStep | undefined;
  /** The request being opened or shown: the list's button to focus when coming back. */
  #openedId: string | undefined;
  #focus: FocusTarget | undefined;
  #load = 0;
  #keys = new IntentKeys('raincheck:rc-team-queue');

  constructor() {
    super();
    this.state = 'loading';
    this.status = 'open';
    this.kind = '';
    this.sessions = new Map();
    this.note = '';
  }

  /** The connection the queue was last listed through. */
  #listedGeneration = 0;

  protected override update(changed: PropertyValues<this>): void {
    // After the controllers' hostUpdate, so the connection has compared its settings; before the render.
    const queueShown = this.#openedId === undefined;
    const otherConnection = this.connection.generation !== this.#listedGeneration;
    if ((otherConnection || changed.has('status')) && queueShown && this.connection.configured) void this.#loadQueue();
    super.update(changed);
  }

  protected override get loadFailed(): boolean {
    return this.state === 'error' && this.#failedStep !== 'resolution';
  }

  /** Starts a load; `current()` turns false once a newer one has started. */
  #startLoad(): () => boolean {
    const load = ++this.#load;
    this.state = 'loading';
    this.failure = undefined;
    this.#failedStep = undefined;
    return () => load === this.#load;
  }

  /** Lists the requests with the current status, with their sessions. */
  async #loadQueue(): Promise<void> {
    this.#listedGeneration = this.connection.generation;
    const current = this.#startLoad();
    try {
      const { teamRequests, sessions } = await this.host.send(listTeamRequestsRoute, { query: { status: this.status } });
      if (!current()) return;
      this.sessions = new Map(sessions.map((session) => [session.id, session]));
      this.requests = teamRequests;
      this.state = 'ready';
    } catch (error) {
      if (current()) this.#fail(error, 'queue');
    }
  }

  /** Opens one request: everything the team needs to resolve it. */
  async #open(requestId: string): Promise<void> {
    this.#openedId = requestId;
    this.opened = undefined;
    this.action = undefined;
    this.note = '';
    this.result = undefined;
    const current = this.#startLoad();
    try {
      const detail = await this.host.send(getTeamRequestRoute, { requestId });
      if (!current()) return;
      this.opened = detail;
      // A kind with one resolution (acknowledge) has it chosen already.
      const [only, ...others] = RESOLUTIONS[detail.teamRequest.kind];
      if (only && others.length === 0) this.action = only;
      this.state = 'detail';
      this.#focus = { part: 'heading' };
    } catch (error) {
      if (current()) this.#fail(error, 'request');
    }
  }

  /** Back to the queue, listed again (a resolved request leaves it); focus returns to the request opened. */
  #back(): void {
    const id = this.#openedId;
    this.#openedId = undefined;
    this.opened = undefined;
    this.result = undefined;
    this.#focus = id ? { request: id } : { part: 'heading' };
    void this.#loadQueue();
  }

  #fail(error: unknown, step: FailedStep): WidgetErrorDetail {
    this.failure = describeFailure(error);
    this.#failedStep = step;
    this.state = 'error';
    this.#focus = { part: 'heading' };
    return this.failure;
  }

  /** What still stops the team member from going on, in order. */
  get #missing(): string[] {
    if (!this.action) return [msg('Choose what to do.', { id: 'rc.team.missing-action' })];
    if (this.action === 'decline-refund' && this.note.trim() === '') return [msg('Write a note to the therapist: why the refund is declined.', { id: 'rc.team.missing-note' })];
    return [];
  }

  #continue(event: Event): void {
    event.preventDefault();
    if (!this.opened || this.#missing.length > 0) return;
    this.state = 'confirming';
    this.#focus = { part: 'confirm-heading' };
  }

  #change(): void {
    this.state = 'detail';
    this.#focus = { part: 'heading' };
  }

  /**
   * Sends the chosen resolution once: fires the cancelable `rc-resolution-submit`, then sends under
   * the intent's idempotency key (the same for a double click, a retry or a reload), then fires
   * `rc-resolution-success` or `rc-resolution-error`.
   */
  async #resolve(): Promise<void> {
    const { opened, action } = this;
    if (!opened || !action || this.state === 'submitting' || this.#missing.length > 0) return;
    const { teamRequest } = opened;
    const note = this.note.trim();
    const detail: ResolutionSubmitDetail = { requestId: teamRequest.id, kind: teamRequest.kind, action, note };
    // Built before dispatch: the manifest's analyzer takes `dispatchEvent(new X(arg))`'s first argument for the event's name.
    const submit = new ResolutionSubmitEvent(detail);
    if (!this.dispatchEvent(submit)) return;
    const body = { action, ...(note ? { note } : {}) };
    const scope = teamRequest.id;
    this.state = 'submitting';
    this.failure = undefined;
    try {
      const result = await this.host.send(resolveTeamRequestRoute, { requestId: teamRequest.id, idempotencyKey: this.#keys.keyFor(scope, body), body });
      this.#keys.settle(scope);
      this.result = result;
      this.state = 'done';
      this.#focus = { part: 'heading' };
      const success = new ResolutionSuccessEvent(result);
      this.dispatchEvent(success);
    } catch (error) {
      const failure = this.#fail(error, 'resolution');
      if (!failure.retryable) {
        // A final answer: choosing again is a new intent, with a new key. The request may have
        // changed meanwhile (resolved by someone else): read it again, keeping the error shown.
        this.#keys.settle(scope);
        void this.#reread(teamRequest.id);
      }
      const failed = new ResolutionErrorEvent(failure);
      this.dispatchEvent(failed);
    }
  }

  /** Reads the opened request again, quietly: what it says now, if it is still the one shown. */
  async #reread(requestId: string): Promise<void> {
    try {
      const detail = await this.host.send(getTeamRequestRoute, { requestId });
      if (this.#openedId === requestId) this.opened = detail;
    } catch {
      // The error already shown stands; the next open reads it again.
    }
  }

  #retry(): void {
    if (this.#failedStep === 'resolution') void this.#resolve();
    else if (this.#failedStep === 'request' && this.#openedId) void this.#open(this.#openedId);
    else void this.#loadQueue();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.#focus;
    // Focus moves once the new view is there, not to what a load is about to replace.
    if (!target || this.state === 'loading') return;
    this.#focus = undefined;
    const root = this.renderRoot;
    const element =
      'request' in target
        ? (root.querySelector<HTMLElement>(`[part~="open-request"][data-request="${CSS.escape(target.request)}"]`) ?? root.querySelector<HTMLElement>('[part~="heading"]'))
        : root.querySelector<HTMLElement>(`[part~="${target.part}"]`);
    element?.focus();
  }

  protected override render(): TemplateResult {
    const locale = this.formatLocale;
    if (this.state === 'done' && this.result && this.opened) return doneView(this.opened, this.result, locale, () => this.#back());
    const failure = this.state === 'error' && this.failure ? failureAlert(this.failure, this.failure.retryable ? () => this.#retry() : undefined) : nothing;
    if (this.#openedId === undefined) {
      return html`
        <h2 part="heading" tabindex="-1">${msg('Team requests', { id: 'rc.team.heading' })}</h2>
        ${this.state === 'loading' ? html`<p part="status" role="status">${msg('Loading the requests…', { id: 'rc.team.loading' })}</p>` : nothing}
        ${failure}
        ${this.requests
          ? queueView({
              requests: this.requests,
              sessions: this.sessions,
              status: this.status,
              kind: this.kind,
              locale,
              now: Date.now(),
              onStatus: (status) => (this.status = status),
              onKind: (kind) => (this.kind = kind),
              onOpen: (id) => void this.#open(id),
            })
          : nothing}
      `;
    }
    const opened = this.opened;
    const busy = this.state === 'submitting';
    const confirming = this.state === 'confirming' || busy || (this.state === 'error' && this.#failedStep === 'resolution' && this.failure?.retryable === true);
    return html`
      <button part="back" type="button" data-variant="secondary" ?disabled=${busy} @click=${() => this.#back()}>${msg('Back to the queue', { id: 'rc.team.back' })}</button>
      <h2 part="heading" tabindex="-1">${opened ? kindLabel(opened.teamRequest.kind) : msg('Team request', { id: 'rc.team.request-heading' })}</h2>
      ${this.state === 'loading' ? html`<p part="status" role="status">${msg('Loading the request…', { id: 'rc.team.loading-request' })}</p>` : nothing}
      ${opened ? requestStory(opened, locale) : nothing}
      ${failure}
      ${opened && opened.teamRequest.status === 'open' && this.action && confirming
        ? confirmStep({ detail: opened, action: this.action, note: this.note.trim(), locale, busy, onConfirm: () => void this.#resolve(), onChange: () => this.#change() })
        : nothing}
      ${opened && opened.teamRequest.status === 'open' && !confirming
        ? resolutionForm({
            actions: RESOLUTIONS[opened.teamRequest.kind],
            action: this.action,
            note: this.note,
            missing: this.#missing,
            onAction: (action) => (this.action = action),
            onNote: (note) => (this.note = note),
            onContinue: (event) => this.#continue(event),
          })
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-team-queue': RcTeamQueue;
  }
  interface HTMLElementEventMap {
    'rc-resolution-submit': ResolutionSubmitEvent;
    'rc-resolution-success': ResolutionSuccessEvent;
    'rc-resolution-error': ResolutionErrorEvent;
  }
}
