/**
 * Every Raincheck widget, once: the build's entries, the every-widget tests, the bundling test,
 * the playground's catalogue and the bench read this list. A new widget is its folder
 * (`src/<folder>/<folder>.ts`, `define-<folder>.ts`, its views) plus one line here (and its strings).
 * Plain data, no imports: the build reads it in Node.
 * @packageDocumentation
 */

/** Where a widget's subject comes from, and the attribute that names it. */
export type WidgetSubjectAttribute = 'session-id' | 'therapist-id' | 'token' | null;

/** One widget. */
export interface WidgetRegistration {
  /** Its tag. */
  readonly tag: `rc-${string}`;
  /** Its folder under `src/`, and its entry `@raincheck/elements/<folder>`, which registers it. */
  readonly folder: string;
  /** What it is for, in a few words. */
  readonly label: string;
  /** The attribute that names what it shows; `null` for the team's queue, which shows the tenant's. */
  readonly subject: WidgetSubjectAttribute;
  /** Whether it decides with the policy (and loads the engine once it has something to decide). */
  readonly decides: boolean;
  /** The events it fires (its class's `static events`, by name). */
  readonly events: readonly string[];
  /**
   * A mock-host scenario where it has something to show, the subject there (for `token`, the
   * name of one of the scenario's offer links) and who it acts as: for tests, the playground and the bench.
   */
  readonly demo: {
    readonly scenario: string;
    readonly subject: string | null;
    readonly as: 'therapist' | 'team' | null;
  };
}

const writes = (prefix: string) => [`${prefix}-submit`, `${prefix}-success`, `${prefix}-error`];

/** Every widget, in the order of the article's flows. */
export const WIDGETS = [
  {
    tag: 'rc-cancel-session',
    folder: 'cancel-session',
    label: 'Cancel a session',
    subject: 'session-id',
    decides: true,
    events: [...writes('rc-cancel'), 'rc-decision'],
    demo: { scenario: 'ordinary-cancellation', subject: 'ses-1', as: 'therapist' },
  },
  {
    tag: 'rc-reschedule-session',
    folder: 'reschedule-session',
    label: 'Rearrange a session',
    subject: 'session-id',
    decides: true,
    events: [...writes('rc-reschedule'), 'rc-decision'],
    demo: { scenario: 'ordinary-cancellation', subject: 'ses-1', as: 'therapist' },
  },
  {
    tag: 'rc-refund-request',
    folder: 'refund-request',
    label: 'Refund a cancelled session',
    subject: 'session-id',
    decides: true,
    events: [...writes('rc-refund'), 'rc-decision'],
    demo: { scenario: 'client-offer', subject: 'ses-1', as: 'therapist' },
  },
  {
    tag: 'rc-attendance-update',
    folder: 'attendance-update',
    label: 'Update attendance',
    subject: 'session-id',
    decides: true,
    events: [...writes('rc-attendance'), 'rc-decision'],
    demo: { scenario: 'already-started', subject: 'ses-1', as: 'therapist' },
  },
  {
    tag: 'rc-client-response',
    folder: 'client-response',
    label: "The client's answer",
    subject: 'token',
    decides: false,
    events: writes('rc-response'),
    demo: { scenario: 'client-offer', subject: 'open', as: null },
  },
  {
    tag: 'rc-availability',
    folder: 'availability',
    label: 'Availability and absence',
    subject: 'therapist-id',
    decides: true,
    events: [...writes('rc-availability'), 'rc-decision', 'rc-availability-session'],
    demo: { scenario: 'extended-absence', subject: 'th-ana', as: 'therapist' },
  },
  {
    tag: 'rc-cancellation-standing',
    folder: 'cancellation-standing',
    label: 'Cancellation standing',
    subject: 'therapist-id',
    decides: true,
    events: ['rc-decision'],
    demo: { scenario: 'near-frequency-threshold', subject: 'th-ana', as: 'therapist' },
  },
  {
    tag: 'rc-team-queue',
    folder: 'team-queue',
    label: "The team's queue",
    subject: null,
    decides: false,
    events: writes('rc-resolution'),
    demo: { scenario: 'team-queue', subject: null, as: 'team' },
  },
] as const satisfies readonly WidgetRegistration[];

/** A registered widget's tag. */
export type WidgetTag = (typeof WIDGETS)[number]['tag'];
