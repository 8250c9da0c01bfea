import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Facts } from '../../src/index.js';

export const repoRoot = new URL('../../../../', import.meta.url).pathname;
export const rulesDir = join(repoRoot, 'rules');

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The default rule files, `{ "name.json": content }`, read from disk. */
export function defaultRuleSources(): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(rulesDir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => [n, readJson(join(rulesDir, n))]),
  );
}

/** The fixture files, `{ "name.test.json": content }`. */
export function fixtureSources(): Record<string, unknown> {
  const dir = join(rulesDir, 'tests');
  return Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith('.test.json')).map((n) => [n, readJson(join(dir, n))]));
}

/** An ordinary cancellation 9 days ahead; override what a test is about. */
export function cancelFacts(overrides: Partial<Facts> = {}): Facts {
  return {
    action: 'cancel',
    now: '2027-06-01T09:00:00+01:00',
    session: {
      id: 'ses-1',
      startsAt: '2027-06-10T10:00:00+01:00',
      endsAt: '2027-06-10T10:50:00+01:00',
      timeZone: 'Europe/London',
      status: 'scheduled',
      price: { amount: 6000, currency: 'GBP' },
    },
    client: { id: 'cli-1', isNew: false, attendedSessions: 6 },
    therapist: { id: 'th-1', profileVisible: true },
    history: [],
    request: { reason: 'illness' },
    ...overrides,
  };
}

/** A minimal valid rule file with the given rules. */
export function ruleFile(rules: unknown[], id = 'test-area'): Record<string, unknown> {
  return { id, version: '1.0.0', description: 'Rules under test.', rules };
}

/** A rule that fires for every cancellation. */
export function rule(id: string, event: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    description: `Rule ${id}.`,
    conditions: { all: [{ fact: 'action', operator: 'equal', value: 'cancel' }] },
    event,
    ...extra,
  };
}
