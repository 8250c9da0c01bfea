import { defineOnce } from '../internal/define.js';
import { RcTeamQueue } from './team-queue.js';

defineOnce('rc-team-queue', RcTeamQueue);
