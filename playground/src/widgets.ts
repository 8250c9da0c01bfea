import type { ScenarioName, Seed } from '@raincheck/mock-host';

/** A widget the playground can show, and how to point it at a scenario's data. */
export interface WidgetEntry {
  readonly tag: string;
  readonly label: string;
  /** The scenario it opens with. */
  readonly scenario: ScenarioName;
  /** The attributes that pick its data out of the scenario (`session-id` …). */
  attributes(seed: Seed): Record<string, string>;
  /** Its event prefix (`rc-cancel` → `rc-cancel-submit`, `-success`, `-error`). */
  readonly events: string;
}

const firstSession = (seed: Seed) => ({ 'session-id': seed.sessions[0]?.id ?? '' });

/** Every widget, in the order of the article's flows. */
export const WIDGETS: readonly WidgetEntry[] = [
  { tag: 'rc-cancel-session', label: 'Cancel a session', scenario: 'ordinary-cancellation', attributes: firstSession, events: 'rc-cancel' },
  { tag: 'rc-reschedule-session', label: 'Rearrange a session', scenario: 'ordinary-cancellation', attributes: firstSession, events: 'rc-reschedule' },
  { tag: 'rc-refund-request', label: 'Refund a cancelled session', scenario: 'client-offer', attributes: firstSession, events: 'rc-refund' },
];

export function widgetByTag(tag: string): WidgetEntry {
  return WIDGETS.find((w) => w.tag === tag) ?? WIDGETS[0]!;
}
