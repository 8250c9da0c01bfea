import assert from 'node:assert/strict';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as hostApi from '@raincheck/host-api/client';
import {
  createHostClient,
  createHostTransport,
  ENDPOINTS,
  errorBodySchema,
  getSessionRoute,
  RESOLUTIONS_BY_KIND,
  type DecisionShown,
  type EndpointId,
  type HostClient,
} from '@raincheck/host-api';
import { compiledContractModule } from '../../../host-api/build/write-compiled-contract.js';
import { errorBodySchema as compiledErrorBody, ROUTES } from '../../../host-api/src/contract.generated.js';
import { assertSameVerdicts, brokenCopies } from '../../../policy/test/shared/compiled-vs-zod.js';
import { createMockHost, SCENARIOS, type MockHost, type MockIdentity, type ScenarioName } from '../../src/index.js';
import { startMockHostServer } from '../../src/node.js';

// The client checks traffic with the contract compiled from the zod schemas. Here both judge every
// request and response of a run through each scenario, and copies of them broken in every place.

const BASE = 'https://partner.test/api/raincheck';
const shown: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};
type Traffic = { endpoint: EndpointId; query?: unknown; body?: unknown; response: unknown };

let host: MockHost;
let server: ReturnType<typeof startMockHostServer>;
before(() => {
  host = createMockHost({ now: () => Date.parse('2027-06-01T09:00:00Z') });
  server = startMockHostServer(host, BASE);
});
after(() => server.close());

type AnyCall = (request: { query?: unknown; body?: unknown }) => Promise<unknown>;

/** A client acting as `who` (through msw) that records every successful call. */
function recordingClient(traffic: Traffic[], who: MockIdentity = 'therapist'): HostClient {
  const client = createHostClient({ baseUrl: BASE, token: () => host.token(who) }) as unknown as Record<
    EndpointId,
    AnyCall
  >;
  const recording = (Object.keys(ENDPOINTS) as EndpointId[]).map((endpoint): [EndpointId, AnyCall] => [
    endpoint,
    async (request) => {
      const response = await client[endpoint](request);
      traffic.push({ endpoint, query: request.query, body: request.body, response });
      return response;
    },
  ]);
  return Object.fromEntries(recording) as unknown as HostClient;
}

/** Up to `perEndpoint` different calls of each endpoint: enough variety, in seconds. */
function distinct(traffic: readonly Traffic[], perEndpoint: number): Traffic[] {
  const seen = new Map<string, number>();
  const kept = new Set<string>();
  return traffic.filter((t) => {
    const key = JSON.stringify(t);
    const count = seen.get(t.endpoint) ?? 0;
    if (kept.has(key) || count >= perEndpoint) return false;
    kept.add(key);
    seen.set(t.endpoint, count + 1);
    return true;
  });
}

/** Every endpoint, in the order a therapist, a client, the team and an admin would use them; refusals are skipped. */
async function runThrough(client: HostClient, team: HostClient, admin: HostClient): Promise<void> {
  const settle = async (call: Promise<unknown>) => call.catch(() => undefined);
  const { session } = await client.getSession({ sessionId: 'ses-1' });
  await client.getPolicyFacts({ sessionId: 'ses-1' });
  await client.getRules({});
  await client.getTherapist({ therapistId: 'th-ana' });
  await client.listSessions({ therapistId: 'th-ana', query: { from: '2027-06-01', to: '2027-07-01' } });
  const { slots } = await client.listSlots({
    therapistId: 'th-ana',
    query: { from: '2027-06-01T00:00:00Z', to: '2027-06-20T00:00:00Z' },
  });
  const [first, second] = slots.map((s) => s.id);
  const open = host.offerTokens.open;
  if (open) {
    await client.getOffer({ token: open });
    await settle(client.answerOffer({ token: open, body: { choice: 'alternative', slotId: second! } }));
  }
  await settle(
    client.rescheduleSession({
      sessionId: 'ses-1',
      version: session.version,
      body: { slotId: first!, reason: 'illness', decision: shown },
    }),
  );
  const current = (await client.getSession({ sessionId: 'ses-1' })).session;
  const body = {
    reason: 'illness' as const,
    note: 'Flu, cannot work today',
    alternativeSlotIds: slots.slice(2, 4).map((s) => s.id),
    refundOffered: true,
    decision: shown,
  };
  const cancelled = await settle(client.cancelSession({ sessionId: 'ses-1', version: current.version, body }));
  const token = (cancelled as { offer?: { token: string } | null } | undefined)?.offer?.token;
  if (token) {
    await client.getOffer({ token });
    await settle(client.answerOffer({ token, body: { choice: 'refund' } }));
  }
  await settle(
    client.refundSession({
      sessionId: 'ses-1',
      version: (await client.getSession({ sessionId: 'ses-1' })).session.version,
      body: { decision: shown },
    }),
  );
  await settle(
    client.updateAttendance({
      sessionId: 'ses-1',
      version: current.version,
      body: { outcome: 'therapist-unable', refund: true, decision: shown },
    }),
  );
  await client.createTeamRequest({
    body: {
      kind: 'session-started',
      therapistId: 'th-ana',
      sessionId: 'ses-1',
      reason: 'Locked out of the video room',
    },
  });
  await client.getSessionNotifications({ sessionId: 'ses-1' });
  await team.getOfferNotifications({ sessionId: 'ses-1' });
  await client.setVisibility({ therapistId: 'th-ana', body: { visible: false, hiddenUntil: '2027-07-01' } });
  await client.reportAbsence({
    therapistId: 'th-ana',
    body: { from: '2027-06-05', certainty: 'unsure', note: 'Surgery', informTeam: true },
  });
  for (const request of (await team.listTeamRequests({ query: { status: 'open' } })).teamRequests) {
    await team.getTeamRequest({ requestId: request.id });
    await settle(
      team.resolveTeamRequest({
        requestId: request.id,
        body: { action: RESOLUTIONS_BY_KIND[request.kind][0], note: 'Sorted with the therapist.' },
      }),
    );
  }
  await team.listTeamRequests({ query: { status: 'resolved', kind: 'other' } });
  await admin.publishRules({ body: { id: 'practice-a-rules', version: '2027.1', files: defaultRuleFiles } });
}

describe('the compiled contract', () => {
  it('is what the endpoint table and zod schemas compile to now (the build writes it)', () => {
    const onDisk = readFileSync(new URL('../../../host-api/src/contract.generated.ts', import.meta.url), 'utf8');
    assert.equal(
      onDisk,
      compiledContractModule(),
      'run `npm run build -w @raincheck/host-api` and commit the generated file',
    );
  });

  it("exports every endpoint's route on its own from the browser entry, so a widget bundles only the routes it calls", () => {
    for (const endpoint of Object.keys(ENDPOINTS) as EndpointId[]) {
      const route = (hostApi as unknown as Record<string, unknown>)[`${endpoint}Route`];
      assert.deepEqual(route, ROUTES[endpoint], `${endpoint}Route`);
      assert.equal(ROUTES[endpoint].id, endpoint);
    }
  });

  it('sends through a transport exactly as through the client: same checks, same answer', async () => {
    host.reset();
    const token = () => host.token('therapist');
    const transport = createHostTransport({ baseUrl: BASE, token });
    const sessionId = 'ses-1';
    assert.deepEqual(
      await transport.send(getSessionRoute, { sessionId }),
      await createHostClient({ baseUrl: BASE, token }).getSession({ sessionId }),
    );
    await assert.rejects(transport.send(getSessionRoute, { sessionId: 'no-such-session' }), {
      name: 'HostResponseError',
      status: 404,
    });
  });

  it('judges every request and response as the zod schemas do, in every scenario, broken in every place', async () => {
    const traffic: Traffic[] = [];
    for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
      host.reset(scenario);
      await runThrough(recordingClient(traffic), recordingClient(traffic, 'team'), recordingClient(traffic, 'admin'));
    }
    assert.deepEqual(
      new Set(traffic.map((t) => t.endpoint)),
      new Set(Object.keys(ENDPOINTS)),
      'every endpoint answered at least once',
    );
    let compared = 0;
    for (const { endpoint, query, body, response } of distinct(traffic, 3)) {
      const route = ROUTES[endpoint];
      const definition = ENDPOINTS[endpoint] as (typeof ENDPOINTS)[EndpointId] & { query?: never; body?: never };
      compared += assertSameVerdicts(
        route.response,
        definition.response,
        [response, ...brokenCopies(response)],
        `${endpoint} response`,
      );
      if (route.query && definition.query)
        compared += assertSameVerdicts(
          route.query,
          definition.query,
          [query, ...brokenCopies(query)],
          `${endpoint} query`,
        );
      if (route.body && definition.body)
        compared += assertSameVerdicts(route.body, definition.body, [body, ...brokenCopies(body)], `${endpoint} body`);
    }
    const error = { error: { code: 'slot-taken', message: 'That time was just taken.', details: { slotId: 's-1' } } };
    compared += assertSameVerdicts(compiledErrorBody, errorBodySchema, [error, ...brokenCopies(error)], 'error body');
    assert.ok(compared > 10_000, `compared ${compared}`);
  });
});
