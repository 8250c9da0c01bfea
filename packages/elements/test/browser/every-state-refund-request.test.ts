import { describeEveryState } from './every-state-suite.js';

describeEveryState(['refund-request', 'attendance-update']);
