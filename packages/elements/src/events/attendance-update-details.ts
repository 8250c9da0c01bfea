import type { DecisionShown, EndpointResponse } from '@raincheck/host-api/client';
import type { AttendanceOutcome } from '@raincheck/policy';
import type { WidgetErrorDetail } from '../internal/failure.js';

// What the events of <rc-attendance-update> carry.

/** `rc-attendance-submit`: cancelable, fired before the write. `preventDefault()` stops it. */
export interface AttendanceSubmitDetail {
  readonly sessionId: string;
  readonly outcome: AttendanceOutcome;
  /** Whether the client is refunded (only when the therapist could not hold the session). */
  readonly refund: boolean;
  /** `self-serve`: issued at once; `team-review`: the platform team confirms it first; absent without a refund. */
  readonly refundMode?: 'self-serve' | 'team-review';
  readonly note: string;
  readonly decision: DecisionShown;
}

/** `rc-attendance-success`: the host's answer (the completed session, and the refund and team request if any). */
export type AttendanceSuccessDetail = EndpointResponse<'updateAttendance'>;

/** `rc-attendance-error`: what went wrong; everything entered is kept. */
export type AttendanceErrorDetail = WidgetErrorDetail;
