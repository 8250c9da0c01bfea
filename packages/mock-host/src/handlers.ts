import { http, type HttpHandler } from 'msw';
import type { MockHost } from './host.js';

/**
 * msw handlers that send every request under `baseUrl` to the mock host. `baseUrl` is absolute
 * (`https://partner.example/api`) or, in a browser, a path on the page's origin (`/api`).
 */
export function mockHostHandlers(host: MockHost, baseUrl: string): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  const basePath = new URL(base, 'http://localhost').pathname;
  return [http.all(`${base}/*`, ({ request }) => host.handle(request, basePath))];
}
