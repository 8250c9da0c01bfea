import type {
  AttendanceSubmitDetail,
  AttendanceSuccessDetail,
  AttendanceErrorDetail,
} from './attendance-update-details.js';
import { RaincheckEvent } from './raincheck-event.js';

// The events of <rc-attendance-update>, one class each, with literal names.

/** `rc-attendance-submit`: cancelable, fired before the attendance is written. `preventDefault()` stops it. */
export class AttendanceSubmitEvent extends RaincheckEvent<AttendanceSubmitDetail> {
  static readonly eventName = 'rc-attendance-submit';
  constructor(detail: AttendanceSubmitDetail) {
    super(AttendanceSubmitEvent.eventName, detail, { cancelable: true });
  }
}

/** `rc-attendance-success`: the host took the attendance; `detail` is its answer. */
export class AttendanceSuccessEvent extends RaincheckEvent<AttendanceSuccessDetail> {
  static readonly eventName = 'rc-attendance-success';
  constructor(detail: AttendanceSuccessDetail) {
    super(AttendanceSuccessEvent.eventName, detail);
  }
}

/** `rc-attendance-error`: writing failed; everything entered is kept. */
export class AttendanceErrorEvent extends RaincheckEvent<AttendanceErrorDetail> {
  static readonly eventName = 'rc-attendance-error';
  constructor(detail: AttendanceErrorDetail) {
    super(AttendanceErrorEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'rc-attendance-submit': AttendanceSubmitEvent;
    'rc-attendance-success': AttendanceSuccessEvent;
    'rc-attendance-error': AttendanceErrorEvent;
  }
}
