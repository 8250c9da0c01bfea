import { setupWorker, type SetupWorker } from 'msw/browser';
import { mockHostHandlers } from './handlers.js';
import type { MockHost } from './host.js';

/** Where the page serves msw's worker script (`@raincheck/mock-host/mockServiceWorker.js`), at its root scope. */
export interface MockHostWorkerOptions {
  readonly baseUrl: string;
  /** Default `/mockServiceWorker.js`. */
  readonly serviceWorkerUrl?: string;
  /** Let requests the host does not serve (the page's own files) pass quietly. Default true. */
  readonly quiet?: boolean;
}

/** Serves the mock host from a service worker in this page; resolves once it intercepts requests. */
export async function startMockHostWorker(host: MockHost, options: MockHostWorkerOptions): Promise<SetupWorker> {
  const worker = setupWorker(...mockHostHandlers(host, options.baseUrl));
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
  });
  return worker;
}
