import { defineOnce } from '../internal/define.js';
import { RcClientResponse } from './client-response.js';

defineOnce('rc-client-response', RcClientResponse);
