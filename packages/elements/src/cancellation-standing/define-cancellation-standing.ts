import { defineOnce } from '../internal/define.js';
import { RcCancellationStanding } from './cancellation-standing.js';

defineOnce('rc-cancellation-standing', RcCancellationStanding);
