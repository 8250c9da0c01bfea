import type { ScenarioName, Seed } from '@raincheck/mock-host';

/** A widget the playground can show, and how to point it at a scenario's data. */
export interface WidgetEntry {
  readonly tag: string;
  readonly label: string;
  /** The scenario it opens with. */
  readonly scenario: ScenarioName;
  /** The attributes that pick its data out of the scenario (`session-id` …). */
  attributes(seed: Seed): Record<string, string>;
  /** The events it fires besides `rc-decision`, which the Requests tab lists. */
  readonly events: readonly string[];
}

/** `rc-cancel` → `rc-cancel-submit`, `rc-cancel-success`, `rc-cancel-error`. */
const writes = (prefix: string, ...others: string[]) => [`${prefix}-submit`, `${prefix}-success`, `${prefix}-error`, ...others];
const firstSession = (seed: Seed) => ({ 'session-id': seed.sessions[0]?.id ?? '' });
const firstTherapist = (seed: Seed) => ({ 'therapist-id': seed.therapists[0]?.id ?? '' });

/** Every widget, in the order of the article's flows. */
export const WIDGETS: readonly WidgetEntry[] = [
  { tag: 'rc-cancel-session', label: 'Cancel a session', scenario: 'ordinary-cancellation', attributes: firstSession, events: writes('rc-cancel') },
  { tag: 'rc-reschedule-session', label: 'Rearrange a session', scenario: 'ordinary-cancellation', attributes: firstSession, events: writes('rc-reschedule') },
  { tag: 'rc-refund-request', label: 'Refund a cancelled session', scenario: 'client-offer', attributes: firstSession, events: writes('rc-refund') },
  { tag: 'rc-attendance-update', label: 'Update attendance', scenario: 'already-started', attributes: firstSession, events: writes('rc-attendance') },
  { tag: 'rc-client-response', label: "The client's answer", scenario: 'client-offer', attributes: (seed) => ({ token: seed.offers[0]?.token ?? '' }), events: writes('rc-response') },
  { tag: 'rc-availability', label: 'Availability and absence', scenario: 'extended-absence', attributes: firstTherapist, events: writes('rc-availability', 'rc-availability-session') },
  { tag: 'rc-cancellation-standing', label: 'Cancellation standing', scenario: 'near-frequency-threshold', attributes: firstTherapist, events: [] },
];

export function widgetByTag(tag: string): WidgetEntry {
  return WIDGETS.find((w) => w.tag === tag) ?? WIDGETS[0]!;
}
