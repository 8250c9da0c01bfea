/**
 * @raincheck/host-api/client/writes — the routes that write, and the reads that only follow a write
 * (what the host recorded sending after it), on their own: a page whose first load only reads imports
 * these from the code it loads once there is something to write (the widgets' decided phase), so their
 * schemas stay out of its first load. `@raincheck/host-api/client` exports them too.
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
} from './contract-writes.generated.js';
