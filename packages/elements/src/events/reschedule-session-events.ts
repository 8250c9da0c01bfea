import type {
  RescheduleSubmitDetail,
  RescheduleSuccessDetail,
  RescheduleErrorDetail,
} from './reschedule-session-details.js';
import { RaincheckEvent } from './raincheck-event.js';

// The events of <rc-reschedule-session>, one class each, with literal names.

/** `rc-reschedule-submit`: cancelable, fired before the new time is written. `preventDefault()` stops it. */
export class RescheduleSubmitEvent extends RaincheckEvent<RescheduleSubmitDetail> {
  static readonly eventName = 'rc-reschedule-submit';
  constructor(detail: RescheduleSubmitDetail) {
    super(RescheduleSubmitEvent.eventName, detail, { cancelable: true });
  }
}

/** `rc-reschedule-success`: the host took the new time; `detail` is its answer. */
export class RescheduleSuccessEvent extends RaincheckEvent<RescheduleSuccessDetail> {
  static readonly eventName = 'rc-reschedule-success';
  constructor(detail: RescheduleSuccessDetail) {
    super(RescheduleSuccessEvent.eventName, detail);
  }
}

/** `rc-reschedule-error`: writing failed; everything entered is kept. */
export class RescheduleErrorEvent extends RaincheckEvent<RescheduleErrorDetail> {
  static readonly eventName = 'rc-reschedule-error';
  constructor(detail: RescheduleErrorDetail) {
    super(RescheduleErrorEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-reschedule-submit': RescheduleSubmitEvent;
    'rc-reschedule-success': RescheduleSuccessEvent;
    'rc-reschedule-error': RescheduleErrorEvent;
  }
}
