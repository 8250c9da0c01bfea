import { ENDPOINTS, errorBodySchema, type EndpointId } from '@raincheck/host-api';
import { toValidationIssues } from '@raincheck/policy/schemas';

// Whether one response fits the contract: its status is one the endpoint may answer, and its body
// is the endpoint's response (2xx) or the documented error body (4xx, 5xx).

/** Statuses every endpoint may answer besides its own `errors`. */
const ALWAYS = [400, 401, 403];

interface SafeParsing {
  safeParse(
    value: unknown,
    options: { reportInput: true },
  ): { success: true } | { success: false; error: { issues: Parameters<typeof toValidationIssues>[1] } };
}

/** What is wrong with a body against a schema, in the policy's sentences (empty when it fits). */
export function schemaProblems(schema: unknown, body: unknown, limit = 3): string[] {
  const parsed = (schema as SafeParsing).safeParse(body, { reportInput: true });
  if (parsed.success) return [];
  return toValidationIssues('', parsed.error.issues.slice(0, limit)).map((issue) => `${issue.path}: ${issue.message}`);
}

/** The endpoint a method and path (without the base, query allowed) are for, by the contract's table. */
export function endpointFor(method: string, path: string): EndpointId | undefined {
  const bare = path.split('?', 1)[0] ?? path;
  for (const [id, definition] of Object.entries(ENDPOINTS)) {
    if (definition.method !== method) continue;
    const pattern = new RegExp(`^${definition.path.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (pattern.test(bare)) return id as EndpointId;
  }
  return undefined;
}

/** What is wrong with one answer of `endpoint` against the contract (empty when it fits). */
export function responseProblems(
  endpoint: EndpointId,
  status: number,
  text: string,
  contentType: string | null,
): string[] {
  const definition = ENDPOINTS[endpoint];
  const allowed: readonly number[] = definition.errors;
  if (status >= 500) return [`answered ${status}: a server error, where the contract expects an answer`];
  if (status >= 300 && !ALWAYS.includes(status) && !allowed.includes(status)) {
    return [`answered ${status}, which is not among its statuses (200, ${[...ALWAYS, ...allowed].join(', ')})`];
  }
  if (!(contentType ?? '').includes('application/json'))
    return [`answered ${status} with content-type ${JSON.stringify(contentType)}, not application/json`];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`answered ${status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 80))}`];
  }
  const schema = status < 300 ? definition.response : errorBodySchema;
  return schemaProblems(schema, body).map(
    (problem) =>
      `answered ${status} with a body that breaks the contract's ${status < 300 ? 'response' : 'error body'}: ${problem}`,
  );
}
