import type { Slot } from '@raincheck/host-api';
import type { HistoryEntry } from '@raincheck/policy';
import type { HostStore, StoredClient, StoredOffer, StoredSession, StoredTherapist } from './core/store.js';

/** Records to start a store with: a mock-host scenario's state has this shape. */
export interface StoreSeed {
  readonly therapists: readonly StoredTherapist[];
  readonly clients: readonly StoredClient[];
  readonly sessions: readonly StoredSession[];
  /** Open slots by therapist id. */
  readonly slots: Readonly<Record<string, readonly Slot[]>>;
  /** Cancellations and rearrangements by therapist id, oldest first. */
  readonly history: Readonly<Record<string, readonly HistoryEntry[]>>;
  readonly offers: readonly StoredOffer[];
}

/** Writes a seed into a store, in one transaction (demo data, tests). */
export async function seedStore(store: HostStore, seed: StoreSeed): Promise<void> {
  await store.write(async (tx) => {
    for (const therapist of seed.therapists) await tx.putTherapist(therapist);
    for (const client of seed.clients) await tx.putClient(client);
    for (const session of seed.sessions) await tx.putSession(session);
    for (const [therapistId, slots] of Object.entries(seed.slots))
      for (const slot of slots) await tx.addSlot(therapistId, slot);
    for (const [therapistId, entries] of Object.entries(seed.history))
      for (const entry of entries) await tx.addHistory(therapistId, entry);
    for (const offer of seed.offers) await tx.putOffer(offer);
  });
}
