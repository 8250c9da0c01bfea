import type { MockIdentity, ScenarioName } from '@raincheck/mock-host';
import type { ScenarioView } from './backend.js';

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
  readonly subjectKind: 'Session' | 'Offer' | 'Therapist' | 'Queue';
  /** What in the host's scenario it can show; it opens on the first. */
  subjects(view: ScenarioView): readonly WidgetSubject[];
  /**
   * Who it acts as: the widget gets this identity's fresh tokens from the mock host through
   * `getAccessToken`, as a partner's page gets them from its backend. `null` for the client's
   * view, whose offer token is its permission.
   */
  readonly as: MockIdentity | null;
  /** Said in the Decision tab by a widget that makes no policy decision of its own. */
  readonly withoutDecision?: string;
  /** The events it fires besides `rc-decision`, which the Requests tab lists. */
  readonly events: readonly string[];
}

/** `rc-cancel` → `rc-cancel-submit`, `rc-cancel-success`, `rc-cancel-error`. */
const writes = (prefix: string, ...others: string[]) => [`${prefix}-submit`, `${prefix}-success`, `${prefix}-error`, ...others];
const sessions = (view: ScenarioView): WidgetSubject[] =>
  view.sessions.map((s) => ({ id: s.name, label: s.status ? `${s.name} (${s.status})` : s.name, attributes: { 'session-id': s.id } }));
// The host keeps only the offers' hashes: the links' tokens come from the scenario, by name.
const offers = (view: ScenarioView): WidgetSubject[] =>
  Object.entries(view.offerTokens).map(([name, token]) => ({ id: `offer-${name}`, label: `offer-${name}`, attributes: { token } }));
// Only the therapist the widgets act as: the others' profiles are theirs alone.
const therapists = (view: ScenarioView): WidgetSubject[] => (view.therapistId ? [{ id: 'therapist', label: view.therapistId, attributes: { 'therapist-id': view.therapistId } }] : []);

/** Every widget, in the order of the article's flows. */
export const WIDGETS: readonly WidgetEntry[] = [
  { tag: 'rc-cancel-session', label: 'Cancel a session', scenario: 'ordinary-cancellation', subjectKind: 'Session', subjects: sessions, events: writes('rc-cancel'), as: 'therapist' },
  { tag: 'rc-reschedule-session', label: 'Rearrange a session', scenario: 'ordinary-cancellation', subjectKind: 'Session', subjects: sessions, events: writes('rc-reschedule'), as: 'therapist' },
  { tag: 'rc-refund-request', label: 'Refund a cancelled session', scenario: 'client-offer', subjectKind: 'Session', subjects: sessions, events: writes('rc-refund'), as: 'therapist' },
  { tag: 'rc-attendance-update', label: 'Update attendance', scenario: 'already-started', subjectKind: 'Session', subjects: sessions, events: writes('rc-attendance'), as: 'therapist' },
  { tag: 'rc-client-response', label: "The client's answer", scenario: 'client-offer', subjectKind: 'Offer', subjects: offers, events: writes('rc-response'), as: null, withoutDecision: "The client's view makes no decision: the host decided when it made the offer." },
  { tag: 'rc-availability', label: 'Availability and absence', scenario: 'extended-absence', subjectKind: 'Therapist', subjects: therapists, events: writes('rc-availability', 'rc-availability-session'), as: 'therapist' },
  { tag: 'rc-cancellation-standing', label: 'Cancellation standing', scenario: 'near-frequency-threshold', subjectKind: 'Therapist', subjects: therapists, events: [], as: 'therapist' },
  { tag: 'rc-team-queue', label: "The team's queue", scenario: 'team-queue', subjectKind: 'Queue', subjects: () => [], events: writes('rc-resolution'), as: 'team', withoutDecision: "The team's queue makes no decision of its own: open a request to see the one the therapist was shown, with the rules that fired and their facts." },
];

export function widgetByTag(tag: string): WidgetEntry {
  return WIDGETS.find((w) => w.tag === tag) ?? WIDGETS[0]!;
}
