/** Registers every Raincheck element (safe to import twice, or from two copies of the SDK). */
import './provider/define-provider.js';
import './cancel-session/define-cancel-session.js';
import './reschedule-session/define-reschedule-session.js';
