// What <rc-cancel-session> loads once the policy has decided: its views (cancel-session.decided.ts) and the
// write controller, which a write after the decision needs (FlowElement.importWriter): one lazy chunk.
export * from './cancel-session.decided.js';
export { startWriter } from '../controllers/write-once.js';
export { wordFailure } from '../internal/failure-wording.decided.js';
export { decidedStyles } from '../styles/decided.styles.js';
// The write routes come with the write controller: their schemas stay out of the first load.
export { cancelSessionRoute, createTeamRequestRoute } from '@raincheck/host-api/client/writes';
