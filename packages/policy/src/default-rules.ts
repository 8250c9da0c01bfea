import frequencyThresholds from '../../../rules/frequency-thresholds.json';
import notificationTiming from '../../../rules/notification-timing.json';
import refundEligibility from '../../../rules/refund-eligibility.json';
import sessionChanges from '../../../rules/session-changes.json';
import visibility from '../../../rules/visibility.json';
import { createPolicy } from './create-policy.js';
import type { Policy } from './policy.js';

/** The default rule files (the repository's `rules/`), keyed by file name. */
export const defaultRuleFiles: Readonly<Record<string, unknown>> = {
  'frequency-thresholds.json': frequencyThresholds,
  'notification-timing.json': notificationTiming,
  'refund-eligibility.json': refundEligibility,
  'session-changes.json': sessionChanges,
  'visibility.json': visibility,
};

/** The id and version every decision of the default policy carries. */
export const DEFAULT_POLICY = { id: 'raincheck-default', version: '1.1.0' } as const;

/** A policy built from the default rules, which encode the platform's cancellation article. */
export function createDefaultPolicy(): Policy {
  return createPolicy(defaultRuleFiles, DEFAULT_POLICY);
}
