import { defineOnce } from '../internal/define.js';
import { RcAvailability } from './availability.js';

defineOnce('rc-availability', RcAvailability);
