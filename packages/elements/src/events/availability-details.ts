import type { Absence, TeamRequest, Therapist } from '@raincheck/host-api/client';
import type { WidgetErrorDetail } from '../internal/failure.js';

// What the events of <rc-availability> carry.

/** `away`: an absence starts (or is coming); `back`: the therapist has returned. */
export type AvailabilityChange = 'away' | 'back';

/** `rc-availability-submit`: cancelable, fired before anything is written. `preventDefault()` stops it. */
export interface AvailabilitySubmitDetail {
  readonly therapistId: string;
  readonly change: AvailabilityChange;
  /** The absence to record (`away` only). */
  readonly absence: {
    readonly from: string;
    readonly until?: string;
    readonly certainty: 'sure' | 'unsure';
    readonly informTeam: boolean;
    readonly note: string;
  } | null;
  /** The profile change, if any: hide (until the return date, when known) or show. */
  readonly visibility: { readonly visible: boolean; readonly hiddenUntil?: string } | null;
}

/** `rc-availability-success`: what the host recorded. */
export interface AvailabilitySuccessDetail {
  readonly absence: Absence | null;
  /** The team's request, when the team was told. */
  readonly teamRequest: TeamRequest | null;
  /** The therapist's profile as it is now. */
  readonly therapist: Therapist;
}

/** `rc-availability-error`: what went wrong; everything entered is kept. */
export type AvailabilityErrorDetail = WidgetErrorDetail;

/** `rc-availability-session`: the therapist asked to cancel or rearrange a session inside the absence. */
export interface AvailabilitySessionDetail {
  readonly sessionId: string;
  readonly action: 'cancel' | 'reschedule';
}
