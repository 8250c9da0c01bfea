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
export type { WidgetState, WidgetErrorDetail, DecisionDetail } from './internal/session-flow.js';
export { RcProvider } from './provider/provider.js';
export { raincheckConfigContext, checkedUrl } from './config/config.js';
export type { RaincheckConfig, RulesSource } from './config/config.js';
export { setRaincheckLocale, getRaincheckLocale, SOURCE_LOCALE, TARGET_LOCALES } from './localization/localization.js';
