// What <rc-reschedule-session> loads once the policy has decided: its views (reschedule-session.decided.ts) and the
// write controller, which a write after the decision needs (FlowElement.importWriter): one lazy chunk.
export * from './reschedule-session.decided.js';
export { WriteController } from '../controllers/write-once.js';
