import { msg } from '@lit/localize';
import {
  listTeamRequestsRoute,
  RESOLUTIONS_BY_KIND,
  type Session,
  type TeamRequest,
  type TeamRequestDetail,
  type TeamRequestKind,
  type TeamResolutionAction,
} from '@raincheck/host-api/client';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ResolutionSuccessDetail } from '../events/team-queue-details.js';
import { ResolutionErrorEvent, ResolutionSubmitEvent, ResolutionSuccessEvent } from '../events/team-queue-events.js';
import { describeFailure, wordingFrom, type WidgetErrorDetail } from '../internal/failure.js';
import { frame } from '../internal/frame.js';
import { RaincheckElement } from '../internal/raincheck-element.js';
import { baseStyles } from '../styles/tokens.js';
import { sessionFlowStyles } from '../styles/session-flow.styles.js';
import { teamQueueStyles } from './team-queue.styles.js';

/** The queue's one lazy module: the list, what an opened request shows, and the write that resolves it. */
type RequestViews = typeof import('./team-queue.request.templates.js');
type RequestHost = import('./team-queue.request.templates.js').RequestHost;

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

export type {
  ResolutionSubmitDetail,
  ResolutionSuccessDetail,
  ResolutionErrorDetail,
} from '../events/team-queue-details.js';
export { ResolutionSubmitEvent, ResolutionSuccessEvent, ResolutionErrorEvent } from '../events/team-queue-events.js';

/** Where the last failure happened, so "Try again" repeats that. */
export type FailedStep = 'queue' | 'request' | 'resolution';

/** Where focus goes after the next render. */
export type FocusTarget = { readonly part: 'heading' | 'confirm-heading' } | { readonly request: string };

/** What the widget shows: the queue, or one request. */
type Shown = { readonly requestId: string | undefined };

/**
 * @customElement rc-team-queue
 * @summary The platform team's console: the tenant's open team requests with counts by kind and
 * age, one request opened with its whole story (the therapist's reason and note, the session and
 * client, the money, the decision the therapist was shown and why), and the resolutions that fit
 * its kind (approve or decline a refund, mark a started session rearranged or cancel it,
 * acknowledge an absence) with a note back to the therapist, a confirm step, and the result.
 * A resolution is sent once, whatever the clicks, retries or reloads.
 *
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
  // The list's styles (and the fields') come with its views (adoptQueueStyles), an opened request's with it.
  static override styles = [baseStyles, sessionFlowStyles, teamQueueStyles];
  /** The events it fires, as the manifest lists them. */
  static readonly events = [ResolutionSubmitEvent, ResolutionSuccessEvent, ResolutionErrorEvent] as const;

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
  declare private requests: readonly TeamRequest[] | undefined;
  /** The sessions the listed requests are about, by id, for their times. */
  declare private sessions: ReadonlyMap<string, Session>;
  declare private opened: TeamRequestDetail | undefined;
  declare private action: TeamResolutionAction | undefined;
  declare private note: string;
  declare private result: ResolutionSuccessDetail | undefined;
  declare private failure: WidgetErrorDetail | undefined;

  // Not #private: an opened request's module (team-queue.request.templates.ts) reads and sets them.
  private failedStep: FailedStep | undefined;
  /** The request being opened or shown: the list's button to focus when coming back. */
  private openedId: string | undefined;
  private focusTarget: FocusTarget | undefined;

  /** What is shown loads as a task: the queue or one request; the latest wins, the one before is aborted. */
  readonly #shown = new Task<readonly [Shown], void>(this, {
    autoRun: false,
    task: async ([shown], { signal }) => {
      this.state = 'loading';
      this.failure = undefined;
      this.failedStep = undefined;
      if (shown.requestId === undefined) await this.#listQueue(signal);
      else await this.#openRequest(shown.requestId, signal);
    },
    onError: (error) => this.#fail(error, this.openedId === undefined ? 'queue' : 'request'),
  });

  /** The queue's views (the list, an opened request, the write that resolves it): loading beside the queue's first read. */
  #loadingViews: Promise<RequestViews> | undefined;

  #importViews(): Promise<RequestViews> {
    this.#loadingViews ??= this.importViews().catch((error: unknown) => {
      // Not loaded (offline, a redeploy): the load fails, and "Try again" imports it again.
      this.#loadingViews = undefined;
      throw error;
    });
    return this.#loadingViews;
  }

  /** Imports the queue's one lazy module (a test makes it fail to load). */
  protected importViews(): Promise<RequestViews> {
    return import('./team-queue.request.templates.js');
  }

  /** The queue's views, once loaded: they are whenever `requests` or `opened` is set. */
  #views: RequestViews | undefined;

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
    const queueShown = this.openedId === undefined;
    const otherConnection = this.connection.generation !== this.#listedGeneration;
    if ((otherConnection || changed.has('status')) && queueShown && this.connection.configured) void this.#loadQueue();
    super.update(changed);
  }

  protected override get loadFailed(): boolean {
    return this.state === 'error' && this.failedStep !== 'resolution';
  }

  /** Lists the requests with the current status, with their sessions. */
  #loadQueue(): Promise<void> {
    this.#listedGeneration = this.connection.generation;
    return this.#shown.run([{ requestId: undefined }]);
  }

  async #listQueue(signal: AbortSignal): Promise<void> {
    // The list's views come with the queue's lazy module, imported beside the read: the list shows once both are here.
    const views = this.#importViews();
    // Their styles join the queue's as the module arrives, before the list's first render (which awaits the same module).
    void views.then((loaded) => loaded.adoptQueueStyles(this)).catch(() => undefined);
    const [{ teamRequests, sessions }, loaded] = await Promise.all([
      this.host.send(listTeamRequestsRoute, { query: { status: this.status }, signal }),
      views,
    ]);
    signal.throwIfAborted();
    this.#views = loaded;
    this.sessions = new Map(sessions.map((session) => [session.id, session]));
    this.requests = teamRequests;
    this.state = 'ready';
  }

  /** Opens one request: everything the team needs to resolve it. */
  #open(requestId: string): Promise<void> {
    this.openedId = requestId;
    this.opened = undefined;
    this.action = undefined;
    this.note = '';
    this.result = undefined;
    return this.#shown.run([{ requestId }]);
  }

  async #openRequest(requestId: string, signal: AbortSignal): Promise<void> {
    // The views bring the request's route: loaded with the queue's list, so they are here.
    const views = await this.#importViews();
    signal.throwIfAborted();
    const detail = await views.readRequest(this.host, requestId, signal);
    signal.throwIfAborted();
    this.#views = views;
    views.adoptRequestStyles(this);
    this.opened = detail;
    // A kind with one resolution (acknowledge) has it chosen already.
    const [only, ...others] = RESOLUTIONS[detail.teamRequest.kind];
    if (only && others.length === 0) this.action = only;
    this.state = 'detail';
    this.focusTarget = { part: 'heading' };
  }

  /** Back to the queue, listed again (a resolved request leaves it); focus returns to the request opened. */
  #back(): void {
    const id = this.openedId;
    this.openedId = undefined;
    this.opened = undefined;
    this.result = undefined;
    this.focusTarget = id ? { request: id } : { part: 'heading' };
    void this.#loadQueue();
  }

  /**
   * Shows a failed load once its wording has loaded (with an opened request's views; usually there
   * already): until then the queue stays loading, so the alert is announced once, worded.
   */
  #fail(error: unknown, step: FailedStep): void {
    void wordingFrom(this.#importViews()).then((wording) => {
      // Not when another load has started meanwhile.
      if (this.#shown.status === TaskStatus.ERROR && this.#shown.error === error)
        this.#show(describeFailure(error, wording), step);
    });
  }

  #show(failure: WidgetErrorDetail, step: FailedStep): void {
    this.failure = failure;
    this.failedStep = step;
    this.state = 'error';
    this.focusTarget = { part: 'heading' };
  }

  #retry(): void {
    if (this.failedStep === 'resolution') void this.#views?.resolve(this as unknown as RequestHost);
    else if (this.failedStep === 'request' && this.openedId) void this.#open(this.openedId);
    else void this.#loadQueue();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusTarget;
    // Focus moves once the new view is there, not to what a load is about to replace.
    if (!target || this.state === 'loading') return;
    this.focusTarget = undefined;
    const root = this.renderRoot;
    const element =
      'request' in target
        ? (root.querySelector<HTMLElement>(`[part~="open-request"][data-request="${CSS.escape(target.request)}"]`) ??
          root.querySelector<HTMLElement>('[part~="heading"]'))
        : root.querySelector<HTMLElement>(`[part~="${target.part}"]`);
    this.personFocus.move(element);
  }

  protected override render(): TemplateResult {
    const locale = this.formatLocale;
    const views = this.#views;
    if (this.state === 'done' && this.result && this.opened && views)
      return views.doneView(this.opened, this.result, locale, () => this.#back());
    const failure = this.state === 'error' ? this.failure : undefined;
    const onRetry = this.failure?.retryable ? () => this.#retry() : undefined;
    if (this.openedId === undefined) {
      // The list shows once its views are here too (they are whenever `requests` is set).
      return frame({
        heading: msg('Team requests', { id: 'rc.team.heading' }),
        status: this.state === 'loading' ? msg('Loading the requests…', { id: 'rc.team.loading' }) : undefined,
        failure,
        onRetry,
        body:
          this.requests && views
            ? views.queueView({
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
            : nothing,
      });
    }
    const opened = this.opened;
    return frame({
      lead: html`<button part="back" type="button" data-variant="secondary" ?disabled=${this.state === 'submitting'} @click=${() => this.#back()}>${msg('Back to the queue', { id: 'rc.team.back' })}</button>`,
      heading:
        opened && views
          ? views.kindLabel(opened.teamRequest.kind)
          : msg('Team request', { id: 'rc.team.request-heading' }),
      status: this.state === 'loading' ? msg('Loading the request…', { id: 'rc.team.loading-request' }) : undefined,
      summary: opened && views ? views.requestStory(opened, locale) : nothing,
      failure,
      onRetry,
      body: opened && views ? views.requestBody(this as unknown as RequestHost, opened, locale) : nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rc-team-queue': RcTeamQueue;
  }
}
