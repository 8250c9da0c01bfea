// The team requests' vocabulary, without zod, so the browser's client entry can carry it.

/** What a team request is about. */
export const TEAM_REQUEST_KINDS = [
  'session-started',
  'new-client-refund',
  'extended-absence',
  'other',
  'notification-failed',
  'refund-failed',
] as const;

/** The kinds therapists and the team raise themselves (`POST /team-requests`). */
export const TEAM_REQUEST_KINDS_RAISED_BY_PEOPLE = [
  'session-started',
  'new-client-refund',
  'extended-absence',
  'other',
] as const satisfies readonly (typeof TEAM_REQUEST_KINDS)[number][];

/**
 * The kinds only the host's outbox worker raises: `notification-failed` (a message past its
 * deadline, or undeliverable) and `refund-failed` (the refund provider would not carry it out).
 */
export const TEAM_REQUEST_KINDS_RAISED_BY_HOST = [
  'notification-failed',
  'refund-failed',
] as const satisfies readonly (typeof TEAM_REQUEST_KINDS)[number][];

/** How the platform team may resolve a team request; which ones fit depends on its kind. */
export const TEAM_RESOLUTIONS = [
  'approve-refund',
  'decline-refund',
  'mark-rearranged',
  'cancel-session',
  'acknowledge',
] as const;

/** The resolutions that fit each kind of team request. */
export const RESOLUTIONS_BY_KIND = {
  'new-client-refund': ['approve-refund', 'decline-refund'],
  'session-started': ['mark-rearranged', 'cancel-session'],
  'extended-absence': ['acknowledge'],
  other: ['acknowledge'],
  // The team reaches the client (or the billing) itself, then says so.
  'notification-failed': ['acknowledge'],
  'refund-failed': ['acknowledge'],
} as const satisfies Record<(typeof TEAM_REQUEST_KINDS)[number], readonly (typeof TEAM_RESOLUTIONS)[number][]>;
