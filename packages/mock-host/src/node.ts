import { setupServer, type SetupServer } from 'msw/node';
import { mockHostHandlers } from './handlers.js';
import type { MockHost } from './host.js';

/**
 * Serves the mock host to `fetch` in this Node process (msw's `setupServer`); call `close()` when
 * done. Requests to other URLs go out unchanged.
 */
export function startMockHostServer(host: MockHost, baseUrl: string): SetupServer {
  const server = setupServer(...mockHostHandlers(host, baseUrl));
  server.listen({ onUnhandledRequest: 'bypass' });
  return server;
}
