import { createMockHost, type MockHost } from '@raincheck/mock-host';
import { startMockHostWorker } from '@raincheck/mock-host/browser';

/** The mock host the playground's widgets talk to, served by a service worker in this page. */
export interface PlaygroundHost {
  readonly host: MockHost;
  /** The API's base URL (same origin, under the playground's own path). */
  readonly baseUrl: string;
  /** Called after every request the host answered. */
  onRequest(listener: () => void): void;
}

export async function startPlaygroundHost(): Promise<PlaygroundHost> {
  const host = createMockHost();
  const baseUrl = new URL('api', document.baseURI).href;
  const listeners = new Set<() => void>();
  // The worker answers through this host; each answer tells the panels to refresh.
  const observed: MockHost = Object.assign(Object.create(host) as MockHost, {
    handle: async (request: Request, basePath?: string) => {
      const response = await host.handle(request, basePath);
      queueMicrotask(() => listeners.forEach((listener) => listener()));
      return response;
    },
  });
  await startMockHostWorker(observed, {
    baseUrl,
    serviceWorkerUrl: new URL('mockServiceWorker.js', document.baseURI).href,
  });
  return {
    host,
    baseUrl,
    onRequest: (listener) => listeners.add(listener),
  };
}
