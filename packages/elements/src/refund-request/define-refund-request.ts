import { defineOnce } from '../internal/define.js';
import { RcRefundRequest } from './refund-request.js';

defineOnce('rc-refund-request', RcRefundRequest);
