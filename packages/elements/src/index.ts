/**
 * @raincheck/elements — the widgets' classes, with no side effects: import
 * `@raincheck/elements/define` (or a single `define-*.js`) to register the tags.
 * @packageDocumentation
 */
export { RcCancelSession } from './cancel-session/cancel-session.js';
export type { CancelSessionState, CancelSubmitDetail, CancelSuccessDetail, CancelErrorDetail } from './cancel-session/cancel-session.js';
export { RcRescheduleSession } from './reschedule-session/reschedule-session.js';
export type { RescheduleSubmitDetail, RescheduleSuccessDetail, RescheduleErrorDetail } from './reschedule-session/reschedule-session.js';
export { RcRefundRequest } from './refund-request/refund-request.js';
export type { RefundSubmitDetail, RefundSuccessDetail, RefundErrorDetail } from './refund-request/refund-request.js';
export { RcAttendanceUpdate } from './attendance-update/attendance-update.js';
export type { AttendanceSubmitDetail, AttendanceSuccessDetail, AttendanceErrorDetail } from './attendance-update/attendance-update.js';
export { RcAvailability } from './availability/availability.js';
export type {
  AvailabilityChange,
  AvailabilitySubmitDetail,
  AvailabilitySuccessDetail,
  AvailabilityErrorDetail,
  AvailabilitySessionDetail,
} from './availability/availability.js';
export { RcClientResponse } from './client-response/client-response.js';
export type { ResponseSubmitDetail, ResponseSuccessDetail, ResponseErrorDetail } from './client-response/client-response.js';
export { RcCancellationStanding } from './cancellation-standing/cancellation-standing.js';
export { RcTeamQueue, ResolutionSubmitEvent, ResolutionSuccessEvent, ResolutionErrorEvent, RESOLUTIONS } from './team-queue/team-queue.js';
export type { TeamQueueState, TeamQueueStatus, ResolutionSubmitDetail, ResolutionSuccessDetail, ResolutionErrorDetail } from './team-queue/team-queue.js';
export type { WidgetState, WidgetErrorDetail } from './internal/flow-element.js';
export { RaincheckEvent } from './events/raincheck-event.js';
export { DecisionEvent } from './events/decision-event.js';
export { CancelSubmitEvent, CancelSuccessEvent, CancelErrorEvent } from './events/cancel-session-events.js';
export { RescheduleSubmitEvent, RescheduleSuccessEvent, RescheduleErrorEvent } from './events/reschedule-session-events.js';
export { RefundSubmitEvent, RefundSuccessEvent, RefundErrorEvent } from './events/refund-request-events.js';
export { AttendanceSubmitEvent, AttendanceSuccessEvent, AttendanceErrorEvent } from './events/attendance-update-events.js';
export { AvailabilitySubmitEvent, AvailabilitySuccessEvent, AvailabilityErrorEvent, AvailabilitySessionEvent } from './events/availability-events.js';
export { ResponseSubmitEvent, ResponseSuccessEvent, ResponseErrorEvent } from './events/client-response-events.js';
export type { DecisionDetail } from './events/decision-event.js';
export { WIDGETS } from './registry.js';
export type { WidgetRegistration, WidgetSubjectAttribute, WidgetTag } from './registry.js';
export { RcProvider } from './provider/provider.js';
export { raincheckConfigContext, checkedUrl, ConfigurationError } from './config/config.js';
export type { RaincheckConfig, RulesSource } from './config/config.js';
export { setRaincheckLocale, getRaincheckLocale, SOURCE_LOCALE, TARGET_LOCALES } from './localization/localization.js';
