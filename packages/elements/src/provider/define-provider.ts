import { defineOnce } from '../internal/define.js';
import { RcProvider } from './provider.js';

defineOnce('rc-provider', RcProvider);
