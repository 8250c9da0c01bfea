import { msg } from '@lit/localize';
import { getSessionRoute, type HostTransport, type Session } from '@raincheck/host-api/client';
import type { Decision, Reason } from '@raincheck/policy';
import type { PolicyDecision, PolicyMode } from '../controllers/policy-decision.js';
import type { SentMessages } from '../controllers/sent-messages.js';
import type { SessionSubject } from '../controllers/session-subject.js';
import type { WriteIntent } from '../controllers/write-once.js';
import type { WidgetState } from './flow-element.js';

// What only a session widget's decided form and its write use (its decided-phase module imports it).

/** What a widget's decided-phase module reads and changes of the widget (its fields stay private to it). */
export interface DecidedFlow<Fields> {
  readonly policy: Pick<PolicyDecision, 'decision' | 'mode' | 'input'>;
  /** The widget's fields, its state, host and locale, as they are now. */
  readonly now: () => Fields & { readonly state: WidgetState; readonly locale: string; readonly host: HostTransport };
  /** Changes fields of the widget (it renders again). */
  readonly set: (patch: Partial<Fields>) => void;
  /** The widget's write (see `FlowElement.write`). */
  write<Result>(intent: WriteIntent<Result>): Promise<Result | undefined>;
}

/** What a session widget's decided-phase module reads and changes of the widget. */
export interface SessionFlow<Fields> extends DecidedFlow<Fields> {
  readonly subject: SessionSubject;
  readonly sent: SentMessages;
}

/** Reads the session again (after someone else changed it). */
export async function rereadSession(subject: SessionSubject, sessionId: string): Promise<void> {
  subject.session = (await subject.transport().send(getSessionRoute, { sessionId })).session;
  subject.host.requestUpdate();
}

export function reasonLabel(reason: Reason): string {
  switch (reason) {
    case 'illness':
      return msg('Illness', { id: 'rc.reason.illness' });
    case 'personal-emergency':
      return msg('Personal emergency', { id: 'rc.reason.personal-emergency' });
    default:
      return msg('Something else', { id: 'rc.reason.other' });
  }
}

/** What every session widget's form (in its decided-phase module) is given. */
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

/** What every session form is given from the flow as it is now: the decision, who it is for, the locale, whether it is sending. */
export function sessionFormBasics<Fields>(
  flow: SessionFlow<Fields>,
  now: ReturnType<SessionFlow<Fields>['now']>,
): Pick<SessionFormProps, 'decision' | 'mode' | 'clientName' | 'locale' | 'busy'> {
  return {
    decision: flow.policy.decision!,
    mode: flow.policy.mode,
    clientName: flow.subject.session?.client.displayName ?? '',
    locale: now.locale,
    busy: now.state === 'submitting',
  };
}

/** The team request for a session that has started: the reason and the note, as the team reads them. */
export function sessionStartedRequest(session: Session, reason: Reason, note: string) {
  return {
    kind: 'session-started' as const,
    therapistId: session.therapistId,
    sessionId: session.id,
    reason: `${reasonLabel(reason)}: ${note}`,
  };
}
