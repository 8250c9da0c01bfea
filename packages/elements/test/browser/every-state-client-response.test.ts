import { describeEveryState } from './every-state-suite.js';

describeEveryState(['client-response', 'availability']);
