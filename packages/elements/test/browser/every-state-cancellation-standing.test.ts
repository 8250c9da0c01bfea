import { describeEveryState } from './every-state-suite.js';

describeEveryState(['cancellation-standing', 'team-queue']);
