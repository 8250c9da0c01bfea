import type { EndpointResponse, TeamRequestKind, TeamResolutionAction } from '@raincheck/host-api/client';
import type { WidgetErrorDetail } from '../internal/failure.js';

// What the events of <rc-team-queue> carry.

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
