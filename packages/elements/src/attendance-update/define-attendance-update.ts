import { defineOnce } from '../internal/define.js';
import { RcAttendanceUpdate } from './attendance-update.js';

defineOnce('rc-attendance-update', RcAttendanceUpdate);
