import { createMemoryStore } from '../../src/memory-store.js';
import { storeConformance } from '../../../host/test/shared/store-conformance.js';

// The in-memory store is what makes the mock host's writes atomic: it passes the same store suite
// as the SQL store.
storeConformance('in-memory', () => {
  const store = createMemoryStore({
    seed: {
      now: '2027-06-01T09:00:00+01:00',
      therapists: [],
      clients: [],
      sessions: [],
      slots: {},
      history: {},
      offers: [],
    },
    refunds: [],
    teamRequests: [],
    outbox: [],
    audit: [],
    policies: [],
    answers: new Map(),
    sequence: 0,
  });
  return Promise.resolve({ store, close: () => Promise.resolve() });
});
