// Sample facts for the Node and the Chromium tests (browser-safe: no Node APIs).
import type { Facts } from '@raincheck/policy';

/** An ordinary cancellation 9 days ahead; override what a test is about. */
export function cancelFacts(overrides: Partial<Facts> = {}): Facts {
  return {
    action: 'cancel',
    now: '2027-06-01T09:00:00+01:00',
    session: {
      id: 'ses-1',
      startsAt: '2027-06-10T10:00:00+01:00',
      endsAt: '2027-06-10T10:50:00+01:00',
      timeZone: 'Europe/London',
      status: 'scheduled',
      price: { amount: 6000, currency: 'GBP' },
    },
    client: { id: 'cli-1', isNew: false, attendedSessions: 6 },
    therapist: { id: 'th-1', profileVisible: true },
    history: [],
    request: { reason: 'illness' },
    ...overrides,
  };
}
