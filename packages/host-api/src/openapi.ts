import { jsonSchemaHints } from '@raincheck/policy/schemas';
import * as z from 'zod/mini';
import { ENDPOINTS, type EndpointDefinition } from './endpoints.js';
import { errorBodySchema } from './schemas.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'The request does not fit the contract',
  401: 'No bearer token, or one that is malformed, badly signed, expired or from an unknown tenant: get a new one',
  403: "A valid token whose caller may not do this: another therapist's resource, another tenant's, or a role without this endpoint",
  404: 'Not found',
  409: 'Conflict: the slot was taken meanwhile, or the offer was already answered',
  410: 'Gone: the offer has expired',
  412: "Precondition failed: If-Match does not match the session's version",
  422: 'Unprocessable: the policy refuses it, or the Idempotency-Key was used with another body',
  428: 'Precondition required: If-Match is missing',
  500: 'The host failed',
};

function jsonSchema(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    metadata: jsonSchemaHints,
    io: 'input',
  });
  return rest;
}

function operation(id: string, definition: EndpointDefinition): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [...definition.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1 },
  }));
  if (definition.query) {
    const query = jsonSchema(definition.query) as { properties: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties)) {
      parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
  }
  if (definition.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description:
        'One key per user intent. A repeated key returns the first result; the same key with another body is 422.',
      schema: { type: 'string', minLength: 1 },
    });
  }
  if (definition.ifMatch) {
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required: true,
      description: "The session's version, quoted. Missing: 428; stale: 412.",
      schema: { type: 'string' },
    });
  }
  const { access } = definition;
  const security =
    access.kind === 'bearer'
      ? { security: [{ bearer: [] }], 'x-raincheck-roles': access.roles }
      : {
          security: [],
          'x-raincheck-access': 'offer-link: the capability token in the path is the permission; no bearer token',
        };
  const authErrors = access.kind === 'bearer' ? [401, 403] : [];
  const errorResponse = (status: number) => [
    String(status),
    {
      description: STATUS_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    },
  ];
  return {
    operationId: id,
    summary: definition.summary,
    ...security,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(definition.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(definition.body) } } } }
      : {}),
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(definition.response) } } },
      ...Object.fromEntries([400, ...authErrors, ...definition.errors, 500].map(errorResponse)),
    },
  };
}

/** The OpenAPI 3.1 document of the host API, generated from the same zod schemas the client checks with. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, definition] of Object.entries(ENDPOINTS) as [string, EndpointDefinition][]) {
    (paths[definition.path] ??= {})[definition.method.toLowerCase()] = operation(id, definition);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Raincheck host API',
      version: '0.2.0',
      description:
        "What a partner's backend implements for the Raincheck widgets. Times are ISO 8601 strings with offsets; money is integer minor units with an ISO 4217 currency. Writes that move money or notify people carry an Idempotency-Key (scoped to the tenant and the caller, remembered 24 hours); writes to a session carry If-Match with its version. Every call but the client's offer link carries a bearer token (a JWT of at most ten minutes, minted by the partner's backend: tenant, subject, role); x-raincheck-roles lists the roles each operation takes.",
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema) },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "Minted by the partner's backend for whoever is logged in (mintToken in @raincheck/host-api/tokens): claims tenant, sub and role (therapist, team or admin), at most ten minutes between iat and exp; HS256 with the tenant's secret (header kid = tenant) or an asymmetric key from the host's JWKS.",
        },
      },
    },
  };
}
