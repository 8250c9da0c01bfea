import type { Session } from '@raincheck/host-api/client';
import type { Decision, Reason } from '@raincheck/policy';
import type { PolicyMode } from '../controllers/policy-decision.js';
import { reasonLabel } from './templates.js';

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

/** The team request for a session that has started: the reason and the note, as the team reads them. */
export function sessionStartedRequest(session: Session, reason: Reason, note: string) {
  return {
    kind: 'session-started' as const,
    therapistId: session.therapistId,
    sessionId: session.id,
    reason: `${reasonLabel(reason)}: ${note}`,
  };
}
