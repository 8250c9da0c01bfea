import type { ScenarioName, Seed } from '@raincheck/mock-host';

/** One thing in a scenario a widget can show: a session, an offer or a therapist. */
export interface WidgetSubject {
  /** Its id, as the address keeps it (`ses-2`, `offer-expired` …). */
  readonly id: string;
  readonly label: string;
  /** The attributes that point the widget at it (`session-id` …). */
  readonly attributes: Readonly<Record<string, string>>;
}

/** A widget the playground can show, and how to point it at a scenario's data. */
export interface WidgetEntry {
  readonly tag: string;
  readonly label: string;
  /** The scenario it opens with. */
  readonly scenario: ScenarioName;
  /** What the subject control calls the things it can show. */
  readonly subjectKind: 'Session' | 'Offer' | 'Therapist';
  /** What in a scenario it can show; it opens on the first. */
  subjects(seed: Seed): readonly WidgetSubject[];
  /** The events it fires besides `rc-decision`, which the Requests tab lists. */
  readonly events: readonly string[];
}

/** `rc-cancel` → `rc-cancel-submit`, `rc-cancel-success`, `rc-cancel-error`. */
const writes = (prefix: string, ...others: string[]) => [`${prefix}-submit`, `${prefix}-success`, `${prefix}-error`, ...others];
const sessions = (seed: Seed): WidgetSubject[] =>
  seed.sessions.map((s) => ({ id: s.id, label: `${s.id} (${s.status})`, attributes: { 'session-id': s.id } }));
const offers = (seed: Seed): WidgetSubject[] =>
  seed.offers.map((o) => ({ id: o.token, label: o.token, attributes: { token: o.token } }));
const therapists = (seed: Seed): WidgetSubject[] => seed.therapists.map((t) => ({ id: t.id, label: t.id, attributes: { 'therapist-id': t.id } }));

/** Every widget, in the order of the article's flows. */
export const WIDGETS: readonly WidgetEntry[] = [
  { tag: 'rc-cancel-session', label: 'Cancel a session', scenario: 'ordinary-cancellation', subjectKind: 'Session', subjects: sessions, events: writes('rc-cancel') },
  { tag: 'rc-reschedule-session', label: 'Rearrange a session', scenario: 'ordinary-cancellation', subjectKind: 'Session', subjects: sessions, events: writes('rc-reschedule') },
  { tag: 'rc-refund-request', label: 'Refund a cancelled session', scenario: 'client-offer', subjectKind: 'Session', subjects: sessions, events: writes('rc-refund') },
  { tag: 'rc-attendance-update', label: 'Update attendance', scenario: 'already-started', subjectKind: 'Session', subjects: sessions, events: writes('rc-attendance') },
  { tag: 'rc-client-response', label: "The client's answer", scenario: 'client-offer', subjectKind: 'Offer', subjects: offers, events: writes('rc-response') },
  { tag: 'rc-availability', label: 'Availability and absence', scenario: 'extended-absence', subjectKind: 'Therapist', subjects: therapists, events: writes('rc-availability', 'rc-availability-session') },
  { tag: 'rc-cancellation-standing', label: 'Cancellation standing', scenario: 'near-frequency-threshold', subjectKind: 'Therapist', subjects: therapists, events: [] },
];

export function widgetByTag(tag: string): WidgetEntry {
  return WIDGETS.find((w) => w.tag === tag) ?? WIDGETS[0]!;
}
