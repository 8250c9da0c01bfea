import { WIDGETS as REGISTRY, type WidgetSubjectAttribute } from '@raincheck/elements';
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

const sessions = (view: ScenarioView): WidgetSubject[] =>
  view.sessions.map((s) => ({
    id: s.name,
    label: s.status ? `${s.name} (${s.status})` : s.name,
    attributes: { 'session-id': s.id },
  }));
// The host keeps only the offers' hashes: the links' tokens come from the scenario, by name.
const offers = (view: ScenarioView): WidgetSubject[] =>
  Object.entries(view.offerTokens).map(([name, token]) => ({
    id: `offer-${name}`,
    label: `offer-${name}`,
    attributes: { token },
  }));
// Only the therapist the widgets act as: the others' profiles are theirs alone.
const therapists = (view: ScenarioView): WidgetSubject[] =>
  view.therapistId
    ? [{ id: 'therapist', label: view.therapistId, attributes: { 'therapist-id': view.therapistId } }]
    : [];

/** What the subject control offers, by the attribute that names a widget's subject. */
const SUBJECTS: Record<WidgetSubjectAttribute & string, Pick<WidgetEntry, 'subjectKind' | 'subjects'>> = {
  'session-id': { subjectKind: 'Session', subjects: sessions },
  'therapist-id': { subjectKind: 'Therapist', subjects: therapists },
  token: { subjectKind: 'Offer', subjects: offers },
};

/** What the Decision tab says for a widget that makes no decision of its own. */
const WITHOUT_DECISION: Readonly<Record<string, string>> = {
  'rc-client-response': "The client's view makes no decision: the host decided when it made the offer.",
  'rc-team-queue':
    "The team's queue makes no decision of its own: open a request to see the one the therapist was shown, with the rules that fired and their facts.",
};

/** Every widget, from the package's registry, in its order. */
export const WIDGETS: readonly WidgetEntry[] = REGISTRY.map((widget) => ({
  tag: widget.tag,
  label: widget.label,
  scenario: widget.demo.scenario,
  ...(widget.subject ? SUBJECTS[widget.subject] : { subjectKind: 'Queue' as const, subjects: () => [] }),
  as: widget.demo.as,
  events: widget.events.filter((name) => name !== 'rc-decision'),
  ...(widget.decides
    ? {}
    : { withoutDecision: WITHOUT_DECISION[widget.tag] ?? 'This widget makes no policy decision of its own.' }),
}));

export function widgetByTag(tag: string): WidgetEntry {
  return WIDGETS.find((w) => w.tag === tag) ?? WIDGETS[0]!;
}
