import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ENDPOINTS, fillPath, newIdempotencyKey } from '../../src/index.js';
import { openApiDocument } from '../../src/openapi.js';

const committedPath = new URL('../../openapi.json', import.meta.url);

describe('the OpenAPI document', () => {
  it('the committed openapi.json is the one generated from the schemas (npm run openapi)', () => {
    assert.deepEqual(JSON.parse(readFileSync(committedPath, 'utf8')), openApiDocument());
  });

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(committedPath.pathname);
    assert.equal(validator.version, '3.1');
    assert.equal(result.valid, true, JSON.stringify(result.errors));
  });

  it('documents every endpoint, with its headers and errors', () => {
    const doc = openApiDocument() as {
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            parameters?: { name: string; required: boolean }[];
            responses: Record<string, unknown>;
          }
        >
      >;
    };
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
    assert.deepEqual(operations.map((o) => o.operationId).sort(), Object.keys(ENDPOINTS).sort());
    const cancel = doc.paths['/sessions/{sessionId}/cancel']!.post!;
    assert.deepEqual(
      cancel.parameters?.map((p) => [p.name, p.required]),
      [
        ['sessionId', true],
        ['Idempotency-Key', true],
        ['If-Match', true],
      ],
    );
    assert.deepEqual(Object.keys(cancel.responses).sort(), [
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '412',
      '422',
      '428',
      '500',
    ]);
  });

  it('declares the bearer scheme, and which roles each operation takes', () => {
    type Operation = {
      operationId: string;
      security: unknown[];
      'x-raincheck-roles'?: string[];
      responses: Record<string, unknown>;
    };
    const doc = openApiDocument() as {
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    assert.deepEqual(doc.components.securitySchemes.bearer, {
      ...doc.components.securitySchemes.bearer,
      type: 'http',
      scheme: 'bearer',
    });
    const byId = Object.fromEntries(
      Object.values(doc.paths)
        .flatMap((p) => Object.values(p))
        .map((o) => [o.operationId, o]),
    );
    for (const [id, operation] of Object.entries(byId)) {
      const offerLink = id === 'getOffer' || id === 'answerOffer';
      assert.deepEqual(operation.security, offerLink ? [] : [{ bearer: [] }], id);
      assert.equal(
        '401' in operation.responses && '403' in operation.responses,
        !offerLink,
        `${id} lists 401 and 403 unless it is the offer link`,
      );
    }
    assert.deepEqual(byId.cancelSession!['x-raincheck-roles'], ['therapist', 'admin']);
    assert.deepEqual(byId.resolveTeamRequest!['x-raincheck-roles'], ['team', 'admin']);
    assert.deepEqual(byId.getSession!['x-raincheck-roles'], ['therapist', 'team', 'admin']);
  });
});

describe('requests', () => {
  it('fills and encodes path parameters, and refuses a missing one', () => {
    assert.equal(fillPath('/offers/{token}/answer', { token: 'a/b c' }), '/offers/a%2Fb%20c/answer');
    assert.throws(() => fillPath('/sessions/{sessionId}', {}), /missing path parameter "sessionId"/);
  });

  it('makes a fresh UUID per intent', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    assert.equal(keys.size, 100);
    for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes the same kind of key where randomUUID is missing (pages on plain http)', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      assert.equal(typeof crypto.randomUUID, 'undefined');
      assert.match(newIdempotencyKey(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
      assert.equal(typeof crypto.randomUUID, 'function');
    }
  });
});
