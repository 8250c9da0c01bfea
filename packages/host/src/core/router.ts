import { ENDPOINTS, type EndpointDefinition, type EndpointId } from '@raincheck/host-api';
import { HttpError } from './http-error.js';

/** One endpoint's route: its definition and a pattern for its path. */
export interface Route {
  readonly endpoint: EndpointId;
  readonly definition: EndpointDefinition;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const ROUTES: readonly Route[] = (Object.entries(ENDPOINTS) as [EndpointId, EndpointDefinition][]).map(
  ([endpoint, definition]) => ({
    endpoint,
    definition,
    names: [...definition.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    pattern: new RegExp(`^${definition.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
  }),
);

/** A path parameter as sent, decoded; malformed percent-encoding (`%E0`) is the caller's mistake. */
function decodedParam(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(
      400,
      'invalid-request',
      `The path parameter ${name} is not valid percent-encoded UTF-8: ${raw}`,
    );
  }
}

/** The route for a request and its decoded path params, if any route matches. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    const match = route.definition.method === method ? route.pattern.exec(path) : null;
    if (match)
      return {
        route,
        params: Object.fromEntries(route.names.map((name, i) => [name, decodedParam(name, match[i + 1]!)])),
      };
  }
  return undefined;
}

/**
 * The path of a request relative to the API's base path, or null when it is not under it:
 * `/zzzz/sessions/…` is not `/base/sessions/…` with other letters.
 */
export function pathUnder(pathname: string, basePath: string): string | null {
  const base = basePath.replace(/\/+$/, '');
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return null;
  return pathname.slice(base.length) || '/';
}
