import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createHostClient, HostResponseError, type DecisionShown, type HostClient } from '@raincheck/host-api';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import { createMockHost, type MockHost } from '../../src/index.js';

// A practice's admin publishes its own rule files as a new policy version: from then on its
// decisions, and only its, are made and recorded under that version.

const BASE = 'https://partner.test/api';
const NOW = Date.parse('2027-06-01T09:00:00Z');
const shown: DecisionShown = {
  policyId: 'raincheck-default',
  policyVersion: '1.0.0',
  policyHash: 'x',
  outcome: 'allowed',
};

/** The default rules, but a cancellation must offer `minSlots` alternatives. */
function rulesAsking(minSlots: number): Record<string, unknown> {
  const files = structuredClone(defaultRuleFiles) as Record<
    string,
    { rules: { id: string; event: { params: Record<string, unknown> } }[] }
  >;
  const [name] = Object.entries(files).find(([, file]) =>
    file.rules.some((rule) => rule.id === 'offer-alternatives-on-cancel'),
  )!;
  for (const rule of files[name]!.rules)
    if (rule.id === 'offer-alternatives-on-cancel') rule.event.params.minSlots = minSlots;
  return files;
}

let host: MockHost;
let admin: HostClient;
let therapist: HostClient;
const client = (who: Parameters<MockHost['token']>[0]) =>
  createHostClient({ baseUrl: BASE, fetch: host.fetchAt(BASE), token: () => host.token(who), retries: 0 });

beforeEach(() => {
  host = createMockHost({ now: () => NOW });
  admin = client('admin');
  therapist = client('therapist');
});

describe('publishing a policy version', () => {
  it('decides the tenant’s writes under it, and names it in the audit', async () => {
    const published = await admin.publishRules({
      body: { id: 'practice-a-rules', version: '2027.1', files: rulesAsking(3) },
    });
    assert.deepEqual({ id: published.id, version: published.version }, { id: 'practice-a-rules', version: '2027.1' });
    const rules = await therapist.getRules({});
    assert.deepEqual(
      { id: rules.id, version: rules.version, hash: rules.hash },
      { id: published.id, version: published.version, hash: published.hash },
    );
    const { slots } = await therapist.listSlots({
      therapistId: 'th-ana',
      query: { from: '2027-06-01T00:00:00Z', to: '2027-06-30T00:00:00Z' },
    });
    const cancel = (alternatives: number) =>
      therapist.cancelSession({
        sessionId: 'ses-1',
        version: '1',
        body: {
          reason: 'illness',
          note: 'A fever since last night.',
          alternativeSlotIds: slots.slice(0, alternatives).map((s) => s.id),
          refundOffered: false,
          decision: shown,
        },
      });
    await assert.rejects(
      cancel(2),
      (error: unknown) => error instanceof HostResponseError && error.status === 422 && error.code === 'policy-refused',
    );
    await cancel(3);
    const written = host.records.audit.filter((entry) => entry.endpoint === 'cancelSession');
    assert.deepEqual(
      written.map((entry) => [entry.status, entry.decisions[0]?.policy.version]),
      [
        [422, '2027.1'],
        [200, '2027.1'],
      ],
    );
  });

  it('leaves other practices on the host’s default', async () => {
    await admin.publishRules({ body: { id: 'practice-a-rules', version: '2027.1', files: rulesAsking(3) } });
    const elsewhere = await client('other-tenant-therapist').getRules({});
    assert.equal(elsewhere.hash, host.policy.hash);
  });

  it('keeps versions immutable: the same files again are fine, other files under that version are 409', async () => {
    const first = await admin.publishRules({
      body: { id: 'practice-a-rules', version: '2027.1', files: rulesAsking(3) },
    });
    const again = await admin.publishRules({
      body: { id: 'practice-a-rules', version: '2027.1', files: rulesAsking(3) },
    });
    assert.equal(again.hash, first.hash);
    await assert.rejects(
      admin.publishRules({ body: { id: 'practice-a-rules', version: '2027.1', files: rulesAsking(4) } }),
      (error: unknown) => error instanceof HostResponseError && error.status === 409 && error.code === 'version-exists',
    );
    assert.equal((await therapist.getRules({})).hash, first.hash, 'the refused files did not become current');
  });

  it('refuses invalid rule files with their issues, and keeps the current policy', async () => {
    const broken = rulesAsking(3) as Record<string, { rules: { event: { params: Record<string, unknown> } }[] }>;
    const [name] = Object.keys(broken);
    broken[name!]!.rules[0]!.event.params = { minSlots: 'three' };
    const refusal = await admin
      .publishRules({ body: { id: 'practice-a-rules', version: '2027.2', files: broken } })
      .catch((error: unknown) => error);
    assert.ok(
      refusal instanceof HostResponseError && refusal.status === 422 && refusal.code === 'invalid-rules',
      String(refusal),
    );
    assert.match(refusal.message, new RegExp(name!));
    assert.equal((await therapist.getRules({})).hash, host.policy.hash);
  });

  it('is for admins only', async () => {
    for (const who of ['therapist', 'team'] as const) {
      await assert.rejects(
        client(who).publishRules({ body: { id: 'x', version: '1', files: rulesAsking(3) } }),
        (error: unknown) => error instanceof HostResponseError && error.status === 403,
      );
    }
  });
});

describe('publishing again', () => {
  it('makes an earlier version current again when its files are the same (a rollback)', async () => {
    const first = await admin.publishRules({
      body: { id: 'practice-a-rules', version: '3.0.0', files: rulesAsking(3) },
    });
    const second = await admin.publishRules({
      body: { id: 'practice-a-rules', version: '4.0.0', files: rulesAsking(4) },
    });
    assert.equal((await therapist.getRules({})).version, second.version);
    await admin.publishRules({ body: { id: 'practice-a-rules', version: '3.0.0', files: rulesAsking(3) } });
    const current = await therapist.getRules({});
    assert.deepEqual({ version: current.version, hash: current.hash }, { version: '3.0.0', hash: first.hash });
  });

  it('of one version with other files by two admins at once: one is published, the other told 409', async () => {
    const outcomes = await Promise.allSettled(
      [3, 4].map((minSlots) =>
        admin.publishRules({ body: { id: 'practice-a-rules', version: '5.0.0', files: rulesAsking(minSlots) } }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    assert.equal(won.length, 1);
    assert.ok(
      outcomes.some((o) => o.status === 'rejected' && o.reason instanceof HostResponseError && o.reason.status === 409),
    );
    assert.equal(
      (await therapist.getRules({})).hash,
      (won[0] as PromiseFulfilledResult<{ hash?: string }>).value.hash,
      'what the winner was told is what is current',
    );
  });
});
