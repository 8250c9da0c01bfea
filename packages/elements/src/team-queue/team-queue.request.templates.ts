import { msg, str } from '@lit/localize';
import {
  RESOLUTIONS_BY_KIND,
  type DecisionRecord,
  type HostTransport,
  type Refund,
  type Session,
  type TeamRequestDetail,
  type TeamResolutionAction,
} from '@raincheck/host-api/client';
import { getTeamRequestRoute, resolveTeamRequestRoute } from '@raincheck/host-api/client/writes';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { WriteController } from '../controllers/write-once.js';
import type { ResolutionSubmitDetail } from '../events/team-queue-details.js';
import { ResolutionErrorEvent, ResolutionSubmitEvent, ResolutionSuccessEvent } from '../events/team-queue-events.js';
import { formatDateTime } from '../format/formatters.js';
import { formatMoney } from '../format/money.js';
import { adoptSheet } from '../internal/adopt-sheet.js';
import type { WidgetErrorDetail } from '../internal/failure.js';
// eslint-disable-next-line no-restricted-imports -- this is the queue's lazy module (an import()), not its first load
import { wordFailure } from '../internal/failure-wording.decided.js';
import type { FailedStep, FocusTarget, ResolutionSuccessDetail, TeamQueueState } from './team-queue.js';
import { decisionStyles } from '../styles/decision.styles.js';
import { formStyles } from '../styles/form.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { queueListStyles } from './team-queue.list.styles.js';
import { requestStyles } from './team-queue.request.styles.js';
import { resolvedLabel } from './team-queue.templates.js';

// The queue's one lazy module, imported as the queue's load starts (beside its read): the list
// (team-queue.templates.ts) with its styles, and what <rc-team-queue> shows once a request is
// opened: its story, the resolution form, the confirm step and the result, with the write that
// sends the resolution and the styles they add. The queue's first load is its frame, the loading
// state and the read.
export { wordFailure };
export { kindLabel, queueView } from './team-queue.templates.js';

/** What an opened request's views and its write read and set on <rc-team-queue>. */
export interface RequestHost extends ReactiveControllerHost, EventTarget {
  readonly localName: string;
  readonly host: HostTransport;
  state: TeamQueueState;
  opened: TeamRequestDetail | undefined;
  action: TeamResolutionAction | undefined;
  note: string;
  result: ResolutionSuccessDetail | undefined;
  failure: WidgetErrorDetail | undefined;
  failedStep: FailedStep | undefined;
  readonly openedId: string | undefined;
  focusTarget: FocusTarget | undefined;
}

/** Adds the list's look to the queue's styles, once, as this module arrives: before the list's first render. */
export function adoptQueueStyles(queue: HTMLElement): void {
  adoptSheet(queue, fieldStyles);
  adoptSheet(queue, queueListStyles);
}

/** One request, with everything the team needs to resolve it (its route comes with these views). */
export function readRequest(host: HostTransport, requestId: string, signal: AbortSignal): Promise<TeamRequestDetail> {
  return host.send(getTeamRequestRoute, { requestId, signal });
}

/** Adds what an opened request's views need to the queue's styles, once, before the first request shows. */
export function adoptRequestStyles(queue: HTMLElement): void {
  // The form's and the decision's shared look first, then the queue's own for them.
  adoptSheet(queue, formStyles);
  adoptSheet(queue, decisionStyles);
  adoptSheet(queue, requestStyles);
}

/** Each queue's write controller: it sends each resolution once (see {@link WriteController}). */
const writers = new WeakMap<RequestHost, WriteController>();

function writerOf(q: RequestHost): WriteController {
  let writer = writers.get(q);
  if (!writer)
    writers.set(
      q,
      (writer = new WriteController(q, {
        started: () => {
          q.state = 'submitting';
          q.failure = undefined;
        },
        succeeded: () => {
          q.state = 'done';
          q.focusTarget = { part: 'heading' };
        },
        failed: (failure) => {
          q.failure = failure;
          q.failedStep = 'resolution';
          q.state = 'error';
          q.focusTarget = { part: 'heading' };
        },
        wording: () => wordFailure,
      })),
    );
  return writer;
}

/** What still stops the team member from going on, in order. */
function missing(q: RequestHost): string[] {
  if (!q.action) return [msg('Choose what to do.', { id: 'rc.team.missing-action' })];
  if (q.action === 'decline-refund' && q.note.trim() === '')
    return [msg('Write a note to the therapist: why the refund is declined.', { id: 'rc.team.missing-note' })];
  return [];
}

/**
 * Sends the chosen resolution once: fires the cancelable `rc-resolution-submit`, then sends under
 * the intent's idempotency key (the same for a double click, a retry or a reload), then fires
 * `rc-resolution-success` or `rc-resolution-error`.
 */
export async function resolve(q: RequestHost): Promise<void> {
  const { opened, action } = q;
  if (!opened || !action || missing(q).length > 0) return;
  const { teamRequest } = opened;
  const note = q.note.trim();
  const detail: ResolutionSubmitDetail = { requestId: teamRequest.id, kind: teamRequest.kind, action, note };
  const body = { action, ...(note ? { note } : {}) };
  await writerOf(q).write({
    submit: new ResolutionSubmitEvent(detail),
    scope: teamRequest.id,
    send: async (keyFor) =>
      (q.result = await q.host.send(resolveTeamRequestRoute, {
        requestId: teamRequest.id,
        idempotencyKey: keyFor('', body),
        body,
      })),
    succeeded: (result) => new ResolutionSuccessEvent(result),
    failed: (failure) => {
      // A final answer: the request may have changed meanwhile (resolved by someone else): read it again, keeping the error shown.
      if (!failure.retryable) void reread(q, teamRequest.id);
      return new ResolutionErrorEvent(failure);
    },
  });
}

/** Reads the opened request again, quietly: what it says now, if it is still the one shown. */
async function reread(q: RequestHost, requestId: string): Promise<void> {
  try {
    const detail = await q.host.send(getTeamRequestRoute, { requestId });
    if (q.openedId === requestId) q.opened = detail;
  } catch {
    // The error already shown stands; the next open reads it again.
  }
}

/** An open request's resolution form, or its confirm step once a resolution is chosen (and while it is sent). */
export function requestBody(
  q: RequestHost,
  opened: TeamRequestDetail,
  locale: string,
): TemplateResult | typeof nothing {
  if (opened.teamRequest.status !== 'open') return nothing;
  const busy = q.state === 'submitting';
  const confirming =
    q.state === 'confirming' ||
    busy ||
    (q.state === 'error' && q.failedStep === 'resolution' && q.failure?.retryable === true);
  if (!confirming)
    return resolutionForm({
      actions: RESOLUTIONS_BY_KIND[opened.teamRequest.kind],
      action: q.action,
      note: q.note,
      missing: missing(q),
      onAction: (action) => (q.action = action),
      onNote: (note) => (q.note = note),
      onContinue: (event) => {
        event.preventDefault();
        if (missing(q).length > 0) return;
        q.state = 'confirming';
        q.focusTarget = { part: 'confirm-heading' };
      },
    });
  return q.action
    ? confirmStep({
        detail: opened,
        action: q.action,
        note: q.note.trim(),
        locale,
        busy,
        onConfirm: () => void resolve(q),
        onChange: () => {
          q.state = 'detail';
          q.focusTarget = { part: 'heading' };
        },
      })
    : nothing;
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
