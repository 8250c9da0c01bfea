import type { HistoryEntry } from '@raincheck/policy';
import type { Session, Slot } from '@raincheck/host-api';
import type { StoredClient, StoredOffer, StoredSession, StoredTherapist } from '@raincheck/host/core';
import { MOCK_IDENTITIES } from './identities.js';

/** A client as the mock host stores it: the policy's facts and a name to show. */
export type MockClient = StoredClient;

/** An offer a scenario starts with: as stored, but with a name instead of its token's hash (the host makes the token). */
export type SeedOffer = Omit<StoredOffer, 'tokenHash'> & { readonly name: string };

/** Everything a mock host starts from. */
export interface Seed<Offer = SeedOffer> {
  readonly now: string;
  /** The scenario's therapist first, then the others the identities name. */
  readonly therapists: StoredTherapist[];
  readonly clients: MockClient[];
  readonly sessions: StoredSession[];
  /** Open slots by therapist id. */
  readonly slots: Record<string, Slot[]>;
  /** The therapists' cancellations and rearrangements, by therapist id. */
  readonly history: Record<string, HistoryEntry[]>;
  readonly offers: Offer[];
}

/** The mock host's live state: a seed whose offers are stored by their tokens' hashes. */
export type HostState = Seed<StoredOffer>;

/** The article's situations, each a ready-made host state. */
export const SCENARIOS = {
  'ordinary-cancellation': 'A returning client’s session next week; nothing unusual.',
  'starting-soon': 'A session that starts in three hours: SMS and a phone call too.',
  'already-started': 'A session whose start time has passed: only the team can change it.',
  'new-client-refund': "A new client's first session: a refund goes to the team for review.",
  'near-frequency-threshold': 'Four changes in the last 90 days: the next one is the 5th.',
  'extended-absence': 'A therapist about to be away for three weeks, with sessions inside the absence.',
  'client-offer': 'What a client sees after a cancellation: open, expired and answered offers.',
  'team-queue':
    "The platform team's queue: open requests of every kind (a new client's refund, a started session, an extended absence, another matter) and one resolved.",
} as const;

/** The name of a seeded scenario. */
export type ScenarioName = keyof typeof SCENARIOS;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TZ = 'Europe/London';

// Made once, on first use: building a formatter costs far more than using it, and the host asks
// the time on every write.
let londonWallClock: Intl.DateTimeFormat | undefined;

/** An ISO instant in London's offset at that moment, e.g. `2027-03-29T10:00:00+01:00`. */
export function londonIso(ms: number): string {
  londonWallClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(londonWallClock.formatToParts(ms).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${hh}:${mm}`;
}

/** The top of the hour at or after `ms`. */
function onTheHour(ms: number): number {
  return Math.ceil(ms / HOUR) * HOUR;
}

/** Open 50-minute slots at 09:00, 11:00, 14:00 and 16:00 UTC on the next `days` weekdays. */
function openSlots(therapistId: string, fromMs: number, days: number): Slot[] {
  const slots: Slot[] = [];
  const firstDay = Math.floor(fromMs / DAY) * DAY + DAY;
  for (let d = 0; d < days; d++) {
    const day = firstDay + d * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const hour of [9, 11, 14, 16]) {
      const start = day + hour * HOUR;
      slots.push({
        id: `${therapistId}-slot-${new Date(start).toISOString().slice(0, 13)}`,
        startsAt: londonIso(start),
        endsAt: londonIso(start + 50 * 60_000),
      });
    }
  }
  return slots;
}

/**
 * Changes to a scenario's facts, as the playground's controls make them. Each one left out keeps
 * the scenario's own value.
 */
export interface ScenarioTweaks {
  /** Moves the scenario's first session to start this many hours from now (negative: it has started). */
  readonly hoursUntilStart?: number;
  /** Makes the client new (no session attended yet) or returning. */
  readonly newClient?: boolean;
  /** Replaces the therapist's history with this many changes, spread over the last 90 days. */
  readonly recentChanges?: number;
  /** Whether the therapist's profile is visible. */
  readonly profileVisible?: boolean;
}

/** Builds a scenario's seed around `now` (so the playground always shows dates near today), with `tweaks` applied. */
export function seedScenario(name: ScenarioName, nowMs: number = Date.now(), tweaks: ScenarioTweaks = {}): Seed {
  return tweakSeed(scenarioSeed(name, nowMs), tweaks, nowMs);
}

function tweakSeed(seed: Seed, tweaks: ScenarioTweaks, nowMs: number): Seed {
  const { hoursUntilStart, newClient, recentChanges, profileVisible } = tweaks;
  const [first, ...others] = seed.sessions;
  const therapistId = seed.therapists[0]!.id;
  return {
    ...seed,
    sessions:
      first && hoursUntilStart !== undefined
        ? [
            {
              ...first,
              startsAt: londonIso(nowMs + hoursUntilStart * HOUR),
              endsAt: londonIso(nowMs + hoursUntilStart * HOUR + 50 * 60_000),
            },
            ...others,
          ]
        : seed.sessions,
    clients:
      newClient === undefined
        ? seed.clients
        : seed.clients.map((c) => ({
            ...c,
            isNew: newClient,
            attendedSessions: newClient ? 0 : Math.max(c.attendedSessions, 1),
          })),
    therapists:
      profileVisible === undefined
        ? seed.therapists
        : seed.therapists.map((t, i) => (i === 0 ? { ...t, profileVisible } : t)),
    // An offered refund follows the client: a new client's is confirmed by the team first.
    offers:
      newClient === undefined
        ? seed.offers
        : seed.offers.map((o) => (o.refund ? { ...o, refund: { ...o.refund, needsTeamReview: newClient } } : o)),
    history:
      recentChanges === undefined
        ? seed.history
        : {
            ...seed.history,
            // Evenly spread, newest 2 days ago, alternating cancellations and rearrangements.
            [therapistId]: Array.from({ length: recentChanges }, (_, i) => ({
              sessionId: `ses-old-${i + 1}`,
              at: londonIso(nowMs - (2 + Math.floor((i * 85) / Math.max(recentChanges, 1))) * DAY),
              kind: i % 2 === 0 ? ('cancel' as const) : ('reschedule' as const),
            })),
          },
  };
}

function scenarioSeed(name: ScenarioName, nowMs: number): Seed {
  const now = londonIso(nowMs);
  const therapist: StoredTherapist = {
    id: MOCK_IDENTITIES.therapist.subject,
    tenant: MOCK_IDENTITIES.therapist.tenant,
    displayName: 'Ana Lima',
    profileVisible: true,
    timeZone: TZ,
  };
  // The other therapists the identities name: one in the same practice, one in another.
  const others: StoredTherapist[] = [
    {
      id: MOCK_IDENTITIES['other-therapist'].subject,
      tenant: MOCK_IDENTITIES['other-therapist'].tenant,
      profileVisible: true,
      timeZone: TZ,
    },
    {
      id: MOCK_IDENTITIES['other-tenant-therapist'].subject,
      tenant: MOCK_IDENTITIES['other-tenant-therapist'].tenant,
      profileVisible: true,
      timeZone: TZ,
    },
  ];
  // Contact data and a language, so messages reach the client in it.
  const client: MockClient = {
    id: 'cli-ben',
    displayName: 'Ben Carter',
    isNew: false,
    attendedSessions: 6,
    email: 'ben.carter@example.com',
    phone: '+447700900123',
    locale: 'en-GB',
  };
  const session = (id: string, startMs: number, status: Session['status'] = 'scheduled'): StoredSession => ({
    id,
    startsAt: londonIso(startMs),
    endsAt: londonIso(startMs + 50 * 60_000),
    timeZone: TZ,
    status,
    price: { amount: 6500, currency: 'GBP' },
    version: '1',
    therapistId: therapist.id,
    clientId: client.id,
  });
  const change = (daysAgo: number, kind: HistoryEntry['kind'] = 'cancel'): HistoryEntry => ({
    sessionId: `ses-old-${daysAgo}`,
    at: londonIso(nowMs - daysAgo * DAY),
    kind,
  });
  const base: Seed = {
    now,
    therapists: [therapist, ...others],
    clients: [client],
    // Next week at 14:00 UTC, an hour a therapist works (and one of the slot hours), whatever time the demo runs:
    // 130–158 hours away, far from the notification rules' 48 and 4.
    sessions: [session('ses-1', Math.floor((nowMs + 6 * DAY) / DAY) * DAY + 14 * HOUR)],
    slots: {
      [therapist.id]: openSlots(therapist.id, nowMs, 21),
      ...Object.fromEntries(others.map((t) => [t.id, openSlots(t.id, nowMs, 5)])),
    },
    history: { [therapist.id]: [], ...Object.fromEntries(others.map((t) => [t.id, []])) },
    offers: [],
  };
  switch (name) {
    case 'ordinary-cancellation':
      return base;
    case 'starting-soon':
      return { ...base, sessions: [session('ses-1', onTheHour(nowMs) + 3 * HOUR)] };
    case 'already-started':
      return { ...base, sessions: [session('ses-1', onTheHour(nowMs) - HOUR)] };
    case 'new-client-refund':
      return {
        ...base,
        clients: [{ ...client, isNew: true, attendedSessions: 0 }],
        sessions: [session('ses-1', onTheHour(nowMs + 3 * DAY))],
      };
    case 'near-frequency-threshold':
      return {
        ...base,
        history: {
          [therapist.id]: [change(5), change(21, 'reschedule'), change(40), change(75, 'reschedule'), change(120)],
        },
      };
    case 'extended-absence':
      return {
        ...base,
        sessions: [
          session('ses-1', onTheHour(nowMs + 4 * DAY)),
          session('ses-2', onTheHour(nowMs + 11 * DAY)),
          session('ses-3', onTheHour(nowMs + 30 * DAY)),
        ],
      };
    case 'client-offer': {
      const cancelled = session('ses-1', onTheHour(nowMs + 2 * DAY), 'cancelled');
      const alternatives = base.slots[therapist.id]!.slice(4, 7);
      const offer = (name: string, expiresMs: number, answered: boolean): SeedOffer => ({
        name,
        sessionId: cancelled.id,
        alternatives,
        refund: { amount: cancelled.price, needsTeamReview: false },
        // Never later than the first offered time, as the host's own offers are.
        expiresAt: londonIso(Math.min(expiresMs, Date.parse(alternatives[0]!.startsAt))),
        ...(answered
          ? { answer: { choice: 'alternative' as const, slotId: alternatives[0]!.id, at: londonIso(nowMs - HOUR) } }
          : {}),
      });
      // The answered offer took the first alternative, so the open offer's first slot is taken meanwhile.
      return {
        ...base,
        // The client lives in another zone: their view shows the times in it.
        clients: [{ ...client, timeZone: 'America/New_York' }],
        sessions: [cancelled],
        slots: { [therapist.id]: base.slots[therapist.id]!.filter((slot) => slot.id !== alternatives[0]!.id) },
        offers: [
          offer('open', nowMs + 3 * DAY, false),
          offer('expired', nowMs - HOUR, false),
          offer('answered', nowMs + 3 * DAY, true),
        ],
      };
    }
    case 'team-queue':
      // The requests themselves are made by the therapist's own writes when the host starts
      // (team-queue.ts), so each carries the decision it was really made under.
      return {
        ...base,
        clients: [
          client,
          {
            id: 'cli-mia',
            displayName: 'Mia Novak',
            isNew: true,
            attendedSessions: 0,
            email: 'mia.novak@example.com',
            phone: '+4915112345678',
            locale: 'de-DE',
          },
        ],
        sessions: [
          { ...session('ses-1', onTheHour(nowMs + 3 * DAY)), clientId: 'cli-mia' },
          session('ses-2', onTheHour(nowMs) - HOUR),
          session('ses-3', onTheHour(nowMs + 10 * DAY)),
        ],
      };
  }
}
