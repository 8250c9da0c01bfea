import { describeEveryState } from './every-state-suite.js';

describeEveryState(['cancel-session', 'reschedule-session']);
