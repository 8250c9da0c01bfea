import type { Notification } from '@raincheck/host-api/client';
import { sentMessages, readSentMessages } from '../internal/sent-messages.js';
import { msg, str } from '@lit/localize';
import type { Slot } from '@raincheck/host-api/client';
import type { Reason } from '@raincheck/policy';
import { html, type TemplateResult } from 'lit';
import { formatDateTime } from '../format/formatters.js';
import {
  blockedNotice,
  commonEffects,
  decisionSection,
  effect,
  reasonFields,
  submitFooter,
  teamRequestSent,
} from '../internal/form-templates.js';
import {
  sessionStartedRequest,
  type SessionFlow,
  type SessionFormProps,
  rereadSession,
  sessionFormBasics,
} from '../internal/session-form.js';
import { noteMinLength, noteShortfall, shownDecision } from '../internal/policy-decision.decided.js';
import { createTeamRequestRoute, rescheduleSessionRoute } from '@raincheck/host-api/client/writes';
import {
  RescheduleErrorEvent,
  RescheduleSubmitEvent,
  RescheduleSuccessEvent,
} from '../events/reschedule-session-events.js';
import type { RescheduleSubmitDetail } from '../events/reschedule-session-details.js';
import type { WidgetErrorDetail } from '../internal/flow-element.js';
import { compactSlotPicker } from '../internal/slot-picker.decided.js';
import type { RescheduleSuccessDetail } from './reschedule-session.js';

// What <rc-reschedule-session> shows once the policy has decided, loaded with the engine.
export { policyFromRules } from '../internal/policy-from-rules.decided.js';
export { decideOnce, rulesPolicy, settleViews } from '../internal/policy-decision.decided.js';
// The slot picker's formatters and styles, made as the module arrives (see ViewsModule.warmViews).
export { warmSlotPicker as warmViews } from '../internal/slot-picker.decided.js';

/** The widget's fields its decided form and its write read and change. */
export interface RescheduleFields {
  readonly sessionId: string;
  readonly slotId: string | undefined;
  readonly reason: Reason | undefined;
  readonly note: string;
  /** The week of open times the slot picker shows; what is chosen stays chosen across weeks. */
  readonly slotWeek: number;
  readonly result: RescheduleSuccessDetail | undefined;
  readonly failure: WidgetErrorDetail | undefined;
}

/** What <rc-reschedule-session> gives its decided form and its write. */
export type RescheduleFlow = SessionFlow<RescheduleFields>;

function missing({ policy }: RescheduleFlow, f: RescheduleFields): string[] {
  const missing: string[] = [];
  if (policy.mode === 'self-serve' && !f.slotId)
    missing.push(msg('Choose a new time.', { id: 'rc.reschedule.missing-slot' }));
  if (policy.mode === 'team-request' && !f.reason)
    missing.push(msg('Choose a reason.', { id: 'rc.cancel.missing-reason' }));
  missing.push(...noteShortfall(policy.decision, f.note));
  return missing;
}

/** Moves the session, or asks the team to: the submit event first (cancelable), then success or error. */
export async function rescheduleSubmit(flow: RescheduleFlow, event: Event): Promise<void> {
  event.preventDefault();
  const f = flow.now();
  const session = flow.subject.session;
  const { decision, mode } = flow.policy;
  if (!session || !decision || missing(flow, f).length > 0 || mode === 'blocked') return;
  const shown = shownDecision(decision);
  const note = f.note ? { note: f.note } : {};
  const keep = (result: RescheduleSuccessDetail) => flow.set({ result });
  const told = async (result: RescheduleSuccessDetail) => {
    keep(result);
    await readSentMessages(flow.sent, session.id, ['session-rearranged']);
    return result;
  };
  if (mode === 'self-serve') {
    const slotId = f.slotId!;
    const body = { slotId, ...(f.reason ? { reason: f.reason } : {}), ...note, decision: shown };
    const detail: RescheduleSubmitDetail = {
      sessionId: session.id,
      kind: 'reschedule',
      slotId,
      reason: f.reason ?? null,
      note: f.note,
      decision: shown,
    };
    await flow.write({
      submit: new RescheduleSubmitEvent(detail),
      scope: session.id,
      send: async (keyFor) =>
        told({
          kind: 'reschedule',
          result: await f.host.send(rescheduleSessionRoute, {
            sessionId: session.id,
            version: session.version,
            idempotencyKey: keyFor('', body),
            body,
          }),
        }),
      succeeded: (result) => new RescheduleSuccessEvent(result),
      failed: (failure) => new RescheduleErrorEvent(failure),
    });
    if (flow.now().state === 'error') await afterConflict(flow);
  } else {
    const reason = f.reason!;
    const detail: RescheduleSubmitDetail = {
      sessionId: session.id,
      kind: 'team-request',
      slotId: null,
      reason,
      note: f.note,
      decision: shown,
    };
    const body = sessionStartedRequest(session, reason, f.note);
    await flow.write({
      submit: new RescheduleSubmitEvent(detail),
      scope: session.id,
      send: async (keyFor) => {
        const result = {
          kind: 'team-request' as const,
          result: await f.host.send(createTeamRequestRoute, { idempotencyKey: keyFor('', body), body }),
        };
        keep(result);
        return result;
      },
      succeeded: (result) => new RescheduleSuccessEvent(result),
      failed: (failure) => new RescheduleErrorEvent(failure),
    });
  }
}

/** A slot taken meanwhile, or a session changed by someone else: show the world as it is now. */
async function afterConflict(flow: RescheduleFlow): Promise<void> {
  const { failure, sessionId } = flow.now();
  const code = failure?.code;
  if (failure && (code === 'slot-taken' || code === 'version-mismatch')) {
    flow.set({ slotId: undefined });
    try {
      if (code === 'version-mismatch') await rereadSession(flow.subject, sessionId);
      await flow.subject.refreshSlots();
    } catch {
      // The explanation below still stands; the list may be stale until a reload.
    }
    flow.set({
      failure: {
        ...failure,
        message:
          code === 'slot-taken'
            ? msg('That time was just taken. The list of free times is up to date again: choose another one.', {
                id: 'rc.reschedule.slot-taken',
              })
            : msg(
                'Someone else changed this session meanwhile. It is shown as it is now: check it and choose a time again.',
                { id: 'rc.reschedule.changed' },
              ),
      },
    });
  }
}

/** The form, once the policy has decided, with what the therapist has entered. */
export function rescheduleFormOf(flow: RescheduleFlow): TemplateResult {
  const f = flow.now();
  const { policy, subject } = flow;
  return rescheduleForm({
    ...sessionFormBasics(flow, f),
    missing: missing(flow, f),
    onSubmit: (event) => void rescheduleSubmit(flow, event),
    slots: subject.slots ?? [],
    sessionStartsAt: subject.session?.startsAt,
    slotWeek: f.slotWeek,
    onSlotWeek: (week) => flow.set({ slotWeek: week }),
    slotId: f.slotId,
    reason: f.reason,
    note: f.note,
    noteMinLength: noteMinLength(policy.decision),
    onSlot: (slotId) => policy.input(() => flow.set({ slotId })),
    onReason: (reason) => policy.input(() => flow.set({ reason })),
    onNote: (note) => policy.input(() => flow.set({ note })),
  });
}

/** The success view for the write's result. */
export function rescheduleDoneOf(flow: RescheduleFlow, result: RescheduleSuccessDetail): TemplateResult {
  return rescheduleSuccess(result, flow.subject.session?.client.displayName ?? '', flow.now().locale, flow.sent.record);
}

/** What the form shows, and where what the therapist does goes. */
export interface RescheduleFormProps extends SessionFormProps {
  readonly slots: readonly Slot[];
  /** When the session starts: the times nearest it are suggested first. */
  readonly sessionStartsAt: string | undefined;
  /** The week of open times shown, and a move to another. */
  readonly slotWeek: number;
  readonly onSlotWeek: (week: number) => void;
  readonly slotId: string | undefined;
  readonly reason: Reason | undefined;
  readonly note: string;
  readonly noteMinLength: number;
  readonly onSlot: (slotId: string | undefined) => void;
  readonly onReason: (reason: Reason) => void;
  readonly onNote: (note: string) => void;
}

/** What will happen, then a new time (or, for a started session, the reason for the team), and confirm. */
export function rescheduleForm(p: RescheduleFormProps): TemplateResult {
  const { decision } = p;
  if (p.mode === 'blocked') return blockedNotice(decision);
  const showMissing = p.missing.length > 0 && (p.slotId !== undefined || p.reason !== undefined);
  const { notify, warnings } = commonEffects(decision, p.clientName, p.locale, p.mode === 'team-request');
  const team = p.mode === 'team-request' ? decision.team.map((t) => effect(t.message, t.ruleIds, decision)) : [];
  const requirements = decision.requirements.map((r) => effect(r.message, r.ruleIds, decision));
  return html`
    <form part="form" @submit=${p.onSubmit} aria-busy=${p.busy ? 'true' : 'false'}>
      ${decisionSection([...notify, ...team, ...requirements, ...warnings])}
      ${
        p.mode === 'self-serve'
          ? compactSlotPicker({
              slots: p.slots,
              around: p.sessionStartsAt,
              week: p.slotWeek,
              onWeek: p.onSlotWeek,
              withinDays: 28,
              locale: p.locale,
              multiple: false,
              selected: new Set(p.slotId ? [p.slotId] : []),
              legend: msg('New time', { id: 'rc.reschedule.legend' }),
              disabled: p.busy,
              onChange: (slotId, selected) => p.onSlot(selected ? slotId : undefined),
            })
          : reasonFields({
              reason: p.reason,
              note: p.note,
              noteMinLength: p.noteMinLength,
              disabled: p.busy,
              onReason: p.onReason,
              onNote: p.onNote,
            })
      }
      ${submitFooter({ missing: p.missing, showMissing, busy: p.busy, teamRequest: p.mode === 'team-request', label: msg('Move session', { id: 'rc.reschedule.submit' }) })}
    </form>
  `;
}

/** Moved, and the client is told the new time; or sent to the team. */
export function rescheduleSuccess(
  result: RescheduleSuccessDetail,
  clientName: string,
  locale: string,
  sent: readonly Notification[] | null | undefined,
): TemplateResult {
  if (result.kind === 'team-request') return teamRequestSent();
  return html`
    <h2 part="heading" tabindex="-1">${msg('Session moved', { id: 'rc.reschedule.done' })}</h2>
    <div part="next" role="status">
      <p>${msg(str`The session is now on ${formatDateTime(result.result.session.startsAt, locale)}.`, { id: 'rc.reschedule.next-time' })}</p>
      ${sentMessages(sent, clientName, locale)}
    </div>
  `;
}
