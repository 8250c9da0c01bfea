/**
 * @raincheck/host-api/client/writes — the routes that write, and the reads no widget makes for its
 * first view (what the host recorded sending after a write, one team request opened from the queue),
 * on their own: a page imports these from the code it loads once there is something to write or open
 * (the widgets' decided phase), so their schemas stay out of its first load.
 * `@raincheck/host-api/client` exports them too.
 * @packageDocumentation
 */
export {
  publishRulesRoute,
  cancelSessionRoute,
  rescheduleSessionRoute,
  refundSessionRoute,
  updateAttendanceRoute,
  createTeamRequestRoute,
  answerOfferRoute,
  setVisibilityRoute,
  reportAbsenceRoute,
  resolveTeamRequestRoute,
  getSessionNotificationsRoute,
  getOfferNotificationsRoute,
  getTeamRequestRoute,
} from './contract-writes.generated.js';
