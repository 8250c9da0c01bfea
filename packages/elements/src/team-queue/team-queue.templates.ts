import { msg } from '@lit/localize';
import type { Session, TeamRequest, TeamRequestKind, TeamResolutionAction } from '@raincheck/host-api/client';
import { html, nothing, type TemplateResult } from 'lit';
import { cached } from '../format/formatters.js';
import type { TeamQueueStatus } from './team-queue.js';

// The queue's list, with its filters and counts: it comes with the queue's one lazy module
// (team-queue.request.templates.ts re-exports it), imported beside the queue's read, with one
// request's story, the resolution form, the confirm step and the result. The first load is the
// frame and the loading state. It makes no policy decision (the host decided, and shows the record).

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

/** "3 hours ago", "vor 2 Tagen": how long ago `iso` was. */
function formatAge(iso: string, now: number, locale: string): string {
  const format = cached(`rel|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 24 * 60) return format.format(-Math.floor(minutes / 60), 'hour');
  return format.format(-Math.floor(minutes / (24 * 60)), 'day');
}

/** "2 Dec 2026, 10:00": a session's time in a row. */
function formatShortDateTime(iso: string, locale: string): string {
  return cached(
    `sdt|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(Date.parse(iso));
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

/** How a request was resolved: "Refund approved" … */
export function resolvedLabel(action: TeamResolutionAction): string {
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
  // Only a request still waiting is overdue: a resolved one's age is history.
  const old = request.status === 'open' && ageBucket(request.createdAt, p.now) === 'older';
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
