// What <rc-reschedule-session> loads once the policy has decided: its views (reschedule-session.decided.ts) and the
// write controller, which a write after the decision needs (FlowElement.importWriter): one lazy chunk.
export * from './reschedule-session.decided.js';
export { startWriter } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
export { decidedStyles } from '../styles/decided.styles.js';
// The write routes come with the write controller: their schemas stay out of the first load.
export { createTeamRequestRoute, rescheduleSessionRoute } from '@raincheck/host-api/client/writes';
