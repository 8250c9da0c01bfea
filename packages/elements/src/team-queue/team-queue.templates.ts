import { msg, str } from '@lit/localize';
import type {
  DecisionRecord,
  Refund,
  Session,
  TeamRequest,
  TeamRequestDetail,
  TeamRequestKind,
  TeamResolutionAction,
} from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatMoney } from '../format/formatters.js';
import type { ResolutionSuccessDetail, TeamQueueStatus } from './team-queue.js';

// What <rc-team-queue> shows: the queue, one request's story, the resolution form, the confirm
// step and the result. It makes no policy decision (the host decided, and shows the record).

/** The kinds, in the order the queue counts them. */
export const KINDS: readonly TeamRequestKind[] = ['new-client-refund', 'session-started', 'extended-absence', 'other'];

/** How long a request has waited, as the queue counts it. */
type AgeBucket = 'under-a-day' | 'one-to-three-days' | 'older';

const DAY_MS = 86_400_000;

function ageBucket(createdAt: string, now: number): AgeBucket {
  const age = now - Date.parse(createdAt);
  return age < DAY_MS ? 'under-a-day' : age <= 3 * DAY_MS ? 'one-to-three-days' : 'older';
}

function ageBucketLabel(bucket: AgeBucket): string {
  switch (bucket) {
    case 'under-a-day':
      return msg('under a day', { id: 'rc.team.age-day' });
    case 'one-to-three-days':
      return msg('1–3 days', { id: 'rc.team.age-days' });
    default:
      return msg('older than 3 days', { id: 'rc.team.age-older' });
  }
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const shortDateTimes = new Map<string, Intl.DateTimeFormat>();

/** "3 hours ago", "vor 2 Tagen": how long ago `iso` was. */
function formatAge(iso: string, now: number, locale: string): string {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 24 * 60) return format.format(-Math.floor(minutes / 60), 'hour');
  return format.format(-Math.floor(minutes / (24 * 60)), 'day');
}

/** "2 Dec 2026, 10:00": a session's time in a row. */
function formatShortDateTime(iso: string, locale: string): string {
  let format = shortDateTimes.get(locale);
  if (!format)
    shortDateTimes.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(Date.parse(iso));
}

/** "New client's refund", "Started session" … */
export function kindLabel(kind: TeamRequestKind): string {
  switch (kind) {
    case 'new-client-refund':
      return msg("New client's refund", { id: 'rc.team.kind-new-client-refund' });
    case 'session-started':
      return msg('Started session', { id: 'rc.team.kind-session-started' });
    case 'extended-absence':
      return msg('Extended absence', { id: 'rc.team.kind-extended-absence' });
    default:
      return msg('Other', { id: 'rc.team.kind-other' });
  }
}

/** What the team member chooses: "Approve the refund" … */
function actionLabel(action: TeamResolutionAction): string {
  switch (action) {
    case 'approve-refund':
      return msg('Approve the refund', { id: 'rc.team.action-approve' });
    case 'decline-refund':
      return msg('Decline the refund', { id: 'rc.team.action-decline' });
    case 'mark-rearranged':
      return msg('Mark as rearranged', { id: 'rc.team.action-rearranged' });
    case 'cancel-session':
      return msg('Cancel the session', { id: 'rc.team.action-cancel' });
    default:
      return msg('Acknowledge', { id: 'rc.team.action-acknowledge' });
  }
}

/** How a request was resolved: "Refund approved" … */
function resolvedLabel(action: TeamResolutionAction): string {
  switch (action) {
    case 'approve-refund':
      return msg('Refund approved', { id: 'rc.team.resolved-approve' });
    case 'decline-refund':
      return msg('Refund declined', { id: 'rc.team.resolved-decline' });
    case 'mark-rearranged':
      return msg('Marked as rearranged', { id: 'rc.team.resolved-rearranged' });
    case 'cancel-session':
      return msg('Session cancelled by the team', { id: 'rc.team.resolved-cancel' });
    default:
      return msg('Acknowledged', { id: 'rc.team.resolved-acknowledge' });
  }
}

function refundStatusLabel(status: Refund['status']): string {
  switch (status) {
    case 'issued':
      return msg('issued', { id: 'rc.team.refund-issued' });
    case 'pending-review':
      return msg("waiting for the team's review", { id: 'rc.team.refund-pending' });
    case 'pending':
      return msg('on its way', { id: 'rc.team.refund-on-its-way' });
    case 'failed':
      return msg('could not be issued; the platform team is on it', { id: 'rc.team.refund-failed' });
    default:
      return msg('declined', { id: 'rc.team.refund-declined' });
  }
}

function sessionStatusLabel(status: Session['status']): string {
  switch (status) {
    case 'scheduled':
      return msg('scheduled', { id: 'rc.team.session-scheduled' });
    case 'cancelled':
      return msg('cancelled', { id: 'rc.team.session-cancelled' });
    default:
      return msg('completed', { id: 'rc.team.session-completed' });
  }
}

function outcomeLabel(outcome: DecisionRecord['outcome']): string {
  switch (outcome) {
    case 'allowed':
      return msg('allowed', { id: 'rc.team.outcome-allowed' });
    case 'needs-team':
      return msg('needs the team', { id: 'rc.team.outcome-needs-team' });
    default:
      return msg('blocked', { id: 'rc.team.outcome-blocked' });
  }
}

const money = (refund: Refund, locale: string) => formatMoney(refund.amount.amount, refund.amount.currency, locale);

/** A fact's value as the rule compared it. */
const factValue = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

export interface QueueViewProps {
  readonly requests: readonly TeamRequest[];
  readonly sessions: ReadonlyMap<string, Session>;
  readonly status: TeamQueueStatus;
  /** Only this kind; empty for all. */
  readonly kind: TeamRequestKind | '';
  readonly locale: string;
  /** The instant ages are counted to. */
  readonly now: number;
  readonly onStatus: (status: TeamQueueStatus) => void;
  readonly onKind: (kind: TeamRequestKind | '') => void;
  readonly onOpen: (requestId: string) => void;
}

/** The filters, the counts by kind and age, and the requests, each a button that opens it. */
export function queueView(p: QueueViewProps): TemplateResult {
  const shown = p.kind ? p.requests.filter((r) => r.kind === p.kind) : p.requests;
  const byAge = (bucket: AgeBucket) => p.requests.filter((r) => ageBucket(r.createdAt, p.now) === bucket).length;
  return html`
    <div part="filters">
      <label class="field">
        <span>${msg('Show', { id: 'rc.team.filter-status' })}</span>
        <select part="status-filter" @change=${(e: Event) => p.onStatus((e.target as HTMLSelectElement).value as TeamQueueStatus)}>
          <option value="open" ?selected=${p.status === 'open'}>${msg('Open requests', { id: 'rc.team.status-open' })}</option>
          <option value="resolved" ?selected=${p.status === 'resolved'}>${msg('Resolved requests', { id: 'rc.team.status-resolved' })}</option>
        </select>
      </label>
      <label class="field">
        <span>${msg('Kind', { id: 'rc.team.filter-kind' })}</span>
        <select part="kind-filter" @change=${(e: Event) => p.onKind((e.target as HTMLSelectElement).value as TeamRequestKind | '')}>
          <option value="" ?selected=${p.kind === ''}>${msg('Every kind', { id: 'rc.team.kind-all' })}</option>
          ${KINDS.map((kind) => html`<option value=${kind} ?selected=${p.kind === kind}>${kindLabel(kind)}</option>`)}
        </select>
      </label>
    </div>
    <div part="counts">
      <span class="counts-label" id="counts-kind">${msg('By kind', { id: 'rc.team.counts-kind' })}</span>
      <ul aria-labelledby="counts-kind">
        ${KINDS.map(
          (kind) =>
            html`<li part="count count-kind" data-kind=${kind}><span class="number">${p.requests.filter((r) => r.kind === kind).length}</span> ${kindLabel(kind)}</li>`,
        )}
      </ul>
      <span class="counts-label" id="counts-age">${msg('By age', { id: 'rc.team.counts-age' })}</span>
      <ul aria-labelledby="counts-age">
        ${(['under-a-day', 'one-to-three-days', 'older'] as const).map(
          (bucket) =>
            html`<li part="count count-age" data-age=${bucket}><span class="number">${byAge(bucket)}</span> ${ageBucketLabel(bucket)}</li>`,
        )}
      </ul>
    </div>
    ${
      shown.length === 0
        ? html`<p part="empty">
          ${p.status === 'open' ? msg('No open requests.', { id: 'rc.team.empty-open' }) : msg('No resolved requests.', { id: 'rc.team.empty-resolved' })}
        </p>`
        : html`<ul part="queue" aria-label=${p.status === 'open' ? msg('Open requests', { id: 'rc.team.status-open' }) : msg('Resolved requests', { id: 'rc.team.status-resolved' })}>
          ${shown.map((request) => queueRow(request, p))}
        </ul>`
    }
  `;
}

function queueRow(request: TeamRequest, p: QueueViewProps): TemplateResult {
  const session = request.sessionId ? p.sessions.get(request.sessionId) : undefined;
  const old = ageBucket(request.createdAt, p.now) === 'older';
  return html`<li part="request">
    <button part="open-request" type="button" data-request=${request.id} @click=${() => p.onOpen(request.id)}>
      <span class="row-top">
        <span part="kind">${kindLabel(request.kind)}</span>
        <span part="age${old ? ' age-old' : ''}"><time datetime=${request.createdAt}>${formatAge(request.createdAt, p.now, p.locale)}</time></span>
      </span>
      <span class="row-who">
        ${request.therapistId}${session ? html` · <time datetime=${session.startsAt}>${formatShortDateTime(session.startsAt, p.locale)}</time>` : nothing}
        ${request.resolution ? html` · <span part="resolution">${resolvedLabel(request.resolution.action)}</span>` : nothing}
      </span>
      <span part="reason">${request.reason}</span>
    </button>
  </li>`;
}

/** Everything the team needs: the therapist's reason and note, the session and client, the money, the decision and why, and a resolution if there is one. */
export function requestStory(detail: TeamRequestDetail, locale: string): TemplateResult {
  const { teamRequest: request, session, client, refund, decision } = detail;
  return html`
    <section part="story" aria-labelledby="story-heading">
      <h3 id="story-heading">${msg('From the therapist', { id: 'rc.team.story-heading' })}</h3>
      <p class="hint">
        ${msg(str`${request.therapistId}, on ${formatDateTime(request.createdAt, locale)}`, { id: 'rc.team.story-from' })}
      </p>
      <p part="reason">${request.reason}</p>
      ${
        request.note && request.note !== request.reason
          ? html`<blockquote part="therapist-note">${request.note}</blockquote>`
          : request.note
            ? nothing
            : html`<p class="hint">${msg('No written note.', { id: 'rc.team.no-note' })}</p>`
      }
    </section>
    <section part="session-and-client" aria-labelledby="session-heading">
      <h3 id="session-heading">${msg('Session and client', { id: 'rc.team.session-heading' })}</h3>
      ${
        session
          ? html`<p><time datetime=${session.startsAt}>${formatDateTime(session.startsAt, locale)}</time> · ${sessionStatusLabel(session.status)}</p>`
          : html`<p>${msg('This request is not about one session.', { id: 'rc.team.no-session' })}</p>`
      }
      ${
        client
          ? html`<p>
            ${
              client.isNew
                ? msg(str`${client.displayName}: a new client, ${client.attendedSessions} sessions attended`, {
                    id: 'rc.team.client-new',
                  })
                : msg(str`${client.displayName}: a returning client, ${client.attendedSessions} sessions attended`, {
                    id: 'rc.team.client-returning',
                  })
            }
          </p>`
          : nothing
      }
    </section>
    <section part="money" aria-labelledby="money-heading">
      <h3 id="money-heading">${msg('Money', { id: 'rc.team.money-heading' })}</h3>
      ${
        refund
          ? html`<p>${msg(str`Refund of ${money(refund, locale)}: ${refundStatusLabel(refund.status)}`, { id: 'rc.team.refund' })}</p>`
          : html`<p>${msg('No refund is involved.', { id: 'rc.team.no-refund' })}</p>`
      }
      ${session ? html`<p class="hint">${msg(str`The session costs ${formatMoney(session.price.amount, session.price.currency, locale)}.`, { id: 'rc.team.price' })}</p>` : nothing}
    </section>
    <section part="decision" aria-labelledby="decision-heading">
      <h3 id="decision-heading">${msg('What the policy decided', { id: 'rc.team.decision-heading' })}</h3>
      ${decision ? decisionRecord(decision, locale) : html`<p>${msg('No policy decision was recorded for this request.', { id: 'rc.team.no-decision' })}</p>`}
    </section>
    ${
      request.resolution
        ? html`<section part="resolution" aria-labelledby="resolution-heading">
          <h3 id="resolution-heading">${resolvedLabel(request.resolution.action)}</h3>
          <p class="hint">${msg(str`By ${request.resolution.by}, on ${formatDateTime(request.resolution.at, locale)}`, { id: 'rc.team.resolved-by' })}</p>
          ${request.resolution.note ? html`<blockquote>${request.resolution.note}</blockquote>` : nothing}
        </section>`
        : nothing
    }
  `;
}

/** The policy's identity and outcome, what the therapist's page showed, each effect, and "Why?": the rules that fired with their facts. */
function decisionRecord(decision: DecisionRecord, locale: string): TemplateResult {
  const { policy, shown } = decision;
  const differs = shown && (shown.outcome !== decision.outcome || shown.policyVersion !== policy.version);
  return html`
    <p>
      ${msg(str`Policy ${policy.id}, version ${policy.version}: ${outcomeLabel(decision.outcome)}, on ${formatDateTime(decision.at, locale)}.`, { id: 'rc.team.decision-policy' })}
    </p>
    ${
      differs
        ? html`<p part="shown">${msg(str`The therapist's page showed: ${outcomeLabel(shown.outcome)}, version ${shown.policyVersion}.`, { id: 'rc.team.decision-shown' })}</p>`
        : nothing
    }
    ${decision.effects.length > 0 ? html`<ul>${decision.effects.map((effect) => html`<li part="effect">${effect.message}</li>`)}</ul>` : nothing}
    ${
      decision.rules.length > 0
        ? html`<details part="why">
          <summary>${msg('Why?', { id: 'rc.decision.why' })}</summary>
          <ul>
            ${decision.rules.map(
              (rule) => html`<li part="rule">
                <p>${rule.description || rule.ruleId} <span class="hint">(${rule.ruleId}, ${rule.file})</span></p>
                ${
                  rule.facts.length > 0
                    ? html`<div class="facts-scroll" role="region" tabindex="0" aria-label=${msg(str`The facts ${rule.ruleId} looked at`, { id: 'rc.team.facts-caption' })}><table part="facts">
                      <caption class="visually-hidden">${msg(str`The facts ${rule.ruleId} looked at`, { id: 'rc.team.facts-caption' })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">${msg('Fact', { id: 'rc.team.fact' })}</th>
                          <th scope="col">${msg('Operator', { id: 'rc.team.operator' })}</th>
                          <th scope="col">${msg('Expected', { id: 'rc.team.expected' })}</th>
                          <th scope="col">${msg('Actual', { id: 'rc.team.actual' })}</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${rule.facts.map(
                          (fact) => html`<tr>
                            <td><code>${fact.fact}${fact.path ? ` ${fact.path}` : ''}</code></td>
                            <td><code>${fact.operator}</code></td>
                            <td><code>${factValue(fact.expected)}</code></td>
                            <td><code>${factValue(fact.actual)}</code></td>
                          </tr>`,
                        )}
                      </tbody>
                    </table></div>`
                    : nothing
                }
              </li>`,
            )}
          </ul>
        </details>`
        : nothing
    }
  `;
}

export interface ResolutionFormProps {
  /** The resolutions that fit the request's kind. */
  readonly actions: readonly TeamResolutionAction[];
  readonly action: TeamResolutionAction | undefined;
  readonly note: string;
  /** What still stops the team member from going on. */
  readonly missing: readonly string[];
  readonly onAction: (action: TeamResolutionAction) => void;
  readonly onNote: (note: string) => void;
  readonly onContinue: (event: Event) => void;
}

/** The resolutions that fit, a note back to the therapist (required to decline), and on to the confirm step. */
export function resolutionForm(p: ResolutionFormProps): TemplateResult {
  const showMissing = p.action !== undefined && p.missing.length > 0;
  return html`<form part="form" @submit=${p.onContinue}>
    <fieldset part="actions">
      <legend>${msg('What do you decide?', { id: 'rc.team.actions-legend' })}</legend>
      ${p.actions.map(
        (action) => html`<label part="action" class="choice">
          <input type="radio" name="action" .value=${action} .checked=${p.action === action} @change=${() => p.onAction(action)} />
          ${actionLabel(action)}
        </label>`,
      )}
    </fieldset>
    <label class="field">
      <span>
        ${
          p.action === 'decline-refund'
            ? msg('Note to the therapist (required: why the refund is declined)', { id: 'rc.team.note-required' })
            : msg('Note to the therapist (optional)', { id: 'rc.team.note' })
        }
      </span>
      <textarea part="note" .value=${p.note} ?required=${p.action === 'decline-refund'} @input=${(e: Event) => p.onNote((e.target as HTMLTextAreaElement).value)}></textarea>
    </label>
    ${showMissing ? html`<p class="hint" id="missing">${p.missing.join(' ')}</p>` : nothing}
    <button part="continue" type="submit" data-variant="primary" ?disabled=${p.missing.length > 0} aria-describedby=${showMissing ? 'missing' : nothing}>
      ${msg('Continue', { id: 'rc.team.continue' })}
    </button>
  </form>`;
}

export interface ConfirmStepProps {
  readonly detail: TeamRequestDetail;
  readonly action: TeamResolutionAction;
  /** The note as it will be sent. */
  readonly note: string;
  readonly locale: string;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onChange: () => void;
}

/** What the chosen resolution does, in a sentence. */
function consequence(detail: TeamRequestDetail, action: TeamResolutionAction, locale: string): string {
  const when = detail.session ? formatDateTime(detail.session.startsAt, locale) : '';
  switch (action) {
    case 'approve-refund':
      return detail.refund
        ? msg(str`${money(detail.refund, locale)} is refunded to the client now.`, { id: 'rc.team.confirm-approve' })
        : msg('The refund is issued to the client now.', { id: 'rc.team.confirm-approve-unknown' });
    case 'decline-refund':
      return msg('The refund is not issued; the therapist reads your note.', { id: 'rc.team.confirm-decline' });
    case 'mark-rearranged':
      return msg(str`The session on ${when} is recorded as rearranged with the client.`, {
        id: 'rc.team.confirm-rearranged',
      });
    case 'cancel-session':
      return msg(str`The session on ${when} is cancelled by the team.`, { id: 'rc.team.confirm-cancel' });
    default:
      return msg('The request is closed.', { id: 'rc.team.confirm-acknowledge' });
  }
}

/** The chosen resolution, what it does and the note, then confirm or change it. */
export function confirmStep(p: ConfirmStepProps): TemplateResult {
  const sending = msg('Sending…', { id: 'rc.common.sending' });
  return html`<section part="confirm" aria-labelledby="confirm-heading">
    <h3 part="confirm-heading" id="confirm-heading" tabindex="-1">${msg(str`Confirm: ${actionLabel(p.action)}`, { id: 'rc.team.confirm-heading' })}</h3>
    <p>${consequence(p.detail, p.action, p.locale)}</p>
    ${
      p.note
        ? html`<p>${msg('Your note to the therapist:', { id: 'rc.team.confirm-note' })}</p>
          <blockquote>${p.note}</blockquote>`
        : html`<p class="hint">${msg('No note to the therapist.', { id: 'rc.team.confirm-no-note' })}</p>`
    }
    <div class="buttons">
      <button part="submit" type="button" data-variant="primary" ?disabled=${p.busy} @click=${p.onConfirm}>${p.busy ? sending : actionLabel(p.action)}</button>
      <button part="change" type="button" data-variant="secondary" ?disabled=${p.busy} @click=${p.onChange}>${msg('Change', { id: 'rc.team.change' })}</button>
    </div>
    ${p.busy ? html`<p part="status" role="status">${sending}</p>` : nothing}
  </section>`;
}

/** The result: what the host did, and back to the queue. */
export function doneView(
  detail: TeamRequestDetail,
  result: ResolutionSuccessDetail,
  locale: string,
  onBack: () => void,
): TemplateResult {
  const action = result.teamRequest.resolution?.action;
  const refund = result.refund ?? detail.refund;
  const heading =
    action === 'approve-refund' && refund
      ? msg(str`Refund of ${money(refund, locale)} issued`, { id: 'rc.team.done-approve' })
      : action
        ? resolvedLabel(action)
        : msg('Request resolved', { id: 'rc.team.done' });
  return html`
    <h2 part="heading" tabindex="-1">${heading}</h2>
    <div part="next" role="status">
      <p>
        ${
          result.teamRequest.resolution?.note
            ? msg(str`Your note goes back to ${result.teamRequest.therapistId}.`, { id: 'rc.team.done-note' })
            : msg('The request has left the open queue.', { id: 'rc.team.done-closed' })
        }
      </p>
    </div>
    <button part="back" type="button" data-variant="secondary" @click=${onBack}>${msg('Back to the queue', { id: 'rc.team.back' })}</button>
  `;
}
