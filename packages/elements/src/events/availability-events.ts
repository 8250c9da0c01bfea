import type {
  AvailabilityErrorDetail,
  AvailabilitySessionDetail,
  AvailabilitySubmitDetail,
  AvailabilitySuccessDetail,
} from './availability-details.js';
import { RaincheckEvent } from './raincheck-event.js';

// The events of <rc-availability>, one class each, with literal names.

/** `rc-availability-submit`: cancelable, fired before the absence and the profile change is written. `preventDefault()` stops it. */
export class AvailabilitySubmitEvent extends RaincheckEvent<AvailabilitySubmitDetail> {
  static readonly eventName = 'rc-availability-submit';
  constructor(detail: AvailabilitySubmitDetail) {
    super(AvailabilitySubmitEvent.eventName, detail, { cancelable: true });
  }
}

/** `rc-availability-success`: the host took the absence and the profile change; `detail` is its answer. */
export class AvailabilitySuccessEvent extends RaincheckEvent<AvailabilitySuccessDetail> {
  static readonly eventName = 'rc-availability-success';
  constructor(detail: AvailabilitySuccessDetail) {
    super(AvailabilitySuccessEvent.eventName, detail);
  }
}

/** `rc-availability-error`: writing failed; everything entered is kept. */
export class AvailabilityErrorEvent extends RaincheckEvent<AvailabilityErrorDetail> {
  static readonly eventName = 'rc-availability-error';
  constructor(detail: AvailabilityErrorDetail) {
    super(AvailabilityErrorEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-availability-submit': AvailabilitySubmitEvent;
    'rc-availability-success': AvailabilitySuccessEvent;
    'rc-availability-error': AvailabilityErrorEvent;
  }
}

/** `rc-availability-session`: "Cancel" or "Rearrange" pressed on a session inside the absence; the page opens that flow. */
export class AvailabilitySessionEvent extends RaincheckEvent<AvailabilitySessionDetail> {
  static readonly eventName = 'rc-availability-session';
  constructor(detail: AvailabilitySessionDetail) {
    super(AvailabilitySessionEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-availability-session': AvailabilitySessionEvent;
  }
}
