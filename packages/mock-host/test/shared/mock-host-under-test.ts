import { SUITE_BASE_URL, type HostUnderTest } from '../../../host/test/shared/client-host-suite.js';
import { createMockHost, type MockHost } from '../../src/index.js';
import { createMemoryStore } from '../../src/memory-store.js';

// The mock host as the client × host suite's host under test: one mock host for the file, reset to
// each scenario with its clock standing at the scenario's `now`.

/** A mock host under test, and the mock host itself for the mock-host-only tests (faults, records). */
export function mockHostUnderTest(): HostUnderTest & { readonly host: MockHost } {
  let clock = Date.now();
  const host = createMockHost({ now: () => clock });
  return {
    host,
    async scenario(name, now) {
      clock = now;
      host.reset(name);
      await host.ready;
      const fetch = host.fetchAt(SUITE_BASE_URL);
      return {
        baseUrl: SUITE_BASE_URL,
        fetch,
        token: (who) => host.token(who),
        offerTokens: host.offerTokens,
        // An in-memory store over a copy of the host's data as it is now: the same HostStore reads as the SQL store's.
        observe: (work) =>
          createMemoryStore({
            seed: structuredClone(host.state.seed),
            refunds: [...host.records.refunds],
            teamRequests: [...host.records.teamRequests],
            outbox: [...host.records.outbox],
            audit: [...host.records.audit],
            policies: [],
            answers: new Map(),
            sequence: 0,
          }).read(work),
        outbox: () => Promise.resolve([...host.records.notifications]),
        // Each write's outbox is delivered before its answer.
        deliver: () => Promise.resolve(),
      };
    },
    close: () => Promise.resolve(),
  };
}
