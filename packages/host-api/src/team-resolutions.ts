// The team requests' vocabulary, without zod, so the browser's client entry can carry it.

/** What a team request is about. */
export const TEAM_REQUEST_KINDS = ['session-started', 'new-client-refund', 'extended-absence', 'other'] as const;

/** How the platform team may resolve a team request; which ones fit depends on its kind. */
export const TEAM_RESOLUTIONS = ['approve-refund', 'decline-refund', 'mark-rearranged', 'cancel-session', 'acknowledge'] as const;

/** The resolutions that fit each kind of team request. */
export const RESOLUTIONS_BY_KIND = {
  'new-client-refund': ['approve-refund', 'decline-refund'],
  'session-started': ['mark-rearranged', 'cancel-session'],
  'extended-absence': ['acknowledge'],
  other: ['acknowledge'],
} as const satisfies Record<(typeof TEAM_REQUEST_KINDS)[number], readonly (typeof TEAM_RESOLUTIONS)[number][]>;
