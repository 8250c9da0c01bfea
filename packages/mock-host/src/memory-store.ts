/* eslint-disable @typescript-eslint/require-await -- the store interface is async (SQL stores wait on the database); this one answers at once. */
import type { Refund } from '@raincheck/host-api';
import type {
  HostStore,
  OutboxRow,
  StoreTransaction,
  StoredAnswer,
  StoredAuditEntry,
  StoredOffer,
  StoredPolicy,
  StoredTeamRequest,
} from '@raincheck/host/core';
import type { HostState } from './scenarios.js';

// The in-memory store: the mock host's data, and transactions over it that behave like a
// database's. Writes run one at a time; a transaction's changes stay in layers of its own until it
// commits (a savepoint is one more layer), so a failed write leaves nothing and a read never sees a
// write half-done.

/** Everything the mock host holds: the scenario's seed (live: it is the committed state) and the host's records. */
export interface MemoryData {
  readonly seed: HostState;
  readonly refunds: Refund[];
  readonly teamRequests: StoredTeamRequest[];
  /** The outbox: every external effect the host decided on, in write order. */
  readonly outbox: OutboxRow[];
  /** Every write, refused ones too: who acted and what the host decided. */
  readonly audit: StoredAuditEntry[];
  /** The tenants' published policy versions; the highest `order` of a tenant's is current. */
  readonly policies: OrderedPolicy[];
  readonly answers: Map<string, StoredAnswer>;
  /** The last number handed out by `newId`. */
  sequence: number;
}

/** A published version and when it was last published, in publishing order. */
export type OrderedPolicy = StoredPolicy & { readonly order: number };

const withoutOrder = ({
  order: _order,
  ...policy
}: OrderedPolicy | (StoredPolicy & { order?: number })): StoredPolicy => policy;

/** A published version's key: its tenant, id and version. */
const policyKey = (policy: { readonly tenant: string; readonly id: string; readonly version: string }) =>
  JSON.stringify([policy.tenant, policy.id, policy.version]);

/** One table of the committed data: its records by key. */
interface Table<V> {
  get(key: string): V | undefined;
  put(key: string, value: V): void;
  keys(): string[];
}

/** A table over an array of records with a key field: a new record is appended, a changed one replaced in place. */
function arrayTable<V>(list: V[], keyOf: (value: V) => string): Table<V> {
  return {
    get: (key) => list.find((item) => keyOf(item) === key),
    put: (key, value) => {
      const index = list.findIndex((item) => keyOf(item) === key);
      if (index < 0) list.push(value);
      else list[index] = value;
    },
    keys: () => list.map(keyOf),
  };
}

function recordTable<V>(record: Record<string, V>): Table<V> {
  return {
    get: (key) => record[key],
    put: (key, value) => void (record[key] = value),
    keys: () => Object.keys(record),
  };
}

function mapTable<V>(map: Map<string, V>): Table<V> {
  return { get: (key) => map.get(key), put: (key, value) => void map.set(key, value), keys: () => [...map.keys()] };
}

/** What each table holds. */
interface Rows {
  therapists: HostState['therapists'][number];
  clients: HostState['clients'][number];
  sessions: HostState['sessions'][number];
  slots: HostState['slots'][string];
  history: HostState['history'][string];
  offers: StoredOffer;
  refunds: Refund;
  teamRequests: StoredTeamRequest;
  outbox: OutboxRow;
  audit: StoredAuditEntry;
  policies: OrderedPolicy;
  answers: StoredAnswer;
  sequence: number;
}
type TableName = keyof Rows;
type Tables = { [T in TableName]: Table<Rows[T]> };

function tablesOf(data: MemoryData): Tables {
  const { seed } = data;
  return {
    therapists: arrayTable(seed.therapists, (t) => t.id),
    clients: arrayTable(seed.clients, (c) => c.id),
    sessions: arrayTable(seed.sessions, (s) => s.id),
    slots: recordTable(seed.slots),
    history: recordTable(seed.history),
    offers: arrayTable(seed.offers, (o) => o.tokenHash),
    refunds: arrayTable(data.refunds, (r) => r.id),
    teamRequests: arrayTable(data.teamRequests, (r) => r.id),
    outbox: arrayTable(data.outbox, (row) => row.id),
    audit: arrayTable(data.audit, (entry) => entry.id),
    policies: arrayTable(data.policies, policyKey),
    answers: mapTable(data.answers),
    sequence: {
      get: () => data.sequence,
      put: (_key, value) => void (data.sequence = value),
      keys: () => ['sequence'],
    },
  };
}

/** A transaction's uncommitted changes, over its parent's (or the committed data). */
class Layer {
  private readonly changes = new Map<TableName, Map<string, unknown>>();
  constructor(
    private readonly parent: Layer | null,
    private readonly tables: Tables,
  ) {}

  get<T extends TableName>(table: T, key: string): Rows[T] | undefined {
    const changed = this.changes.get(table);
    if (changed?.has(key)) return changed.get(key) as Rows[T];
    return this.parent ? this.parent.get(table, key) : this.tables[table].get(key);
  }

  put<T extends TableName>(table: T, key: string, value: Rows[T]): void {
    let changed = this.changes.get(table);
    if (!changed) this.changes.set(table, (changed = new Map<string, unknown>()));
    changed.set(key, value);
  }

  /** Every key of the table, committed ones in their order, then the new ones. */
  keys(table: TableName): string[] {
    const below = this.parent ? this.parent.keys(table) : this.tables[table].keys();
    const added = [...(this.changes.get(table)?.keys() ?? [])].filter((key) => !below.includes(key));
    return [...below, ...added];
  }

  all<T extends TableName>(table: T): Rows[T][] {
    return this.keys(table).map((key) => this.get(table, key)!);
  }

  /** Hands this layer's changes to its parent, or writes them to the data. */
  commit(): void {
    for (const [table, changed] of this.changes) {
      for (const [key, value] of changed) {
        if (this.parent) this.parent.put(table, key, value as never);
        else this.tables[table].put(key, value as never);
      }
    }
    this.changes.clear();
  }
}

function transactionOver(root: Layer, tables: Tables): StoreTransaction {
  let layer = root;
  const bySessionStart = (a: { startsAt: string }, b: { startsAt: string }) =>
    Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    therapist: async (id) => layer.get('therapists', id),
    putTherapist: async (therapist) => layer.put('therapists', therapist.id, therapist),
    client: async (id) => layer.get('clients', id),
    putClient: async (client) => layer.put('clients', client.id, client),
    session: async (id) => layer.get('sessions', id),
    putSession: async (session) => layer.put('sessions', session.id, session),
    sessionsOf: async (therapistId) => layer.all('sessions').filter((s) => s.therapistId === therapistId),
    slots: async (therapistId) => [...(layer.get('slots', therapistId) ?? [])].sort(bySessionStart),
    takeSlot: async (therapistId, slotId) => {
      const slots = layer.get('slots', therapistId) ?? [];
      if (!slots.some((s) => s.id === slotId)) return false;
      layer.put(
        'slots',
        therapistId,
        slots.filter((s) => s.id !== slotId),
      );
      return true;
    },
    addSlot: async (therapistId, slot) =>
      layer.put('slots', therapistId, [...(layer.get('slots', therapistId) ?? []), slot]),
    history: async (therapistId) => layer.get('history', therapistId) ?? [],
    addHistory: async (therapistId, entry) =>
      layer.put('history', therapistId, [...(layer.get('history', therapistId) ?? []), entry]),
    offer: async (tokenHash) => layer.get('offers', tokenHash),
    putOffer: async (offer) => layer.put('offers', offer.tokenHash, offer),
    refundOf: async (sessionId) => layer.all('refunds').find((r) => r.sessionId === sessionId),
    refund: async (id) => layer.get('refunds', id),
    putRefund: async (refund) => layer.put('refunds', refund.id, refund),
    teamRequest: async (id) => layer.get('teamRequests', id),
    teamRequests: async (tenant, { status, kind }) =>
      layer
        .all('teamRequests')
        .filter(
          (r) =>
            r.tenant === tenant &&
            (status === undefined || r.status === status) &&
            (kind === undefined || r.kind === kind),
        )
        .reverse()
        // Newest first by when they were raised; of the same moment, the later one first (a stable sort keeps that).
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
    putTeamRequest: async (request) => layer.put('teamRequests', request.id, request),
    addOutbox: async (row) => {
      if (layer.all('outbox').some((other) => other.dedupeKey === row.dedupeKey)) return false;
      layer.put('outbox', row.id, row);
      return true;
    },
    outboxRow: async (id) => layer.get('outbox', id),
    putOutbox: async (row) => layer.put('outbox', row.id, row),
    outboxOf: async (sessionId) => layer.all('outbox').filter((row) => row.sessionId === sessionId),
    claimOutbox: async ({ worker, now, leaseUntil, limit }) => {
      const at = Date.parse(now);
      const deadline = (row: OutboxRow) => (row.deadlineAt === null ? Infinity : Date.parse(row.deadlineAt));
      const due = layer
        .all('outbox')
        .filter(
          (row) =>
            row.doneAt === null &&
            Date.parse(row.runAt) <= at &&
            (row.lockedUntil === null || Date.parse(row.lockedUntil) <= at),
        )
        .sort((a, b) => deadline(a) - deadline(b) || Date.parse(a.runAt) - Date.parse(b.runAt))
        .slice(0, limit)
        .map((row) => ({ ...row, lockedBy: worker, lockedUntil: leaseUntil, attempts: row.attempts + 1 }));
      for (const row of due) layer.put('outbox', row.id, row);
      return due;
    },
    overdueOutbox: async ({ deadlineBefore, now, limit }) => {
      const before = Date.parse(deadlineBefore);
      const at = Date.parse(now);
      return layer
        .all('outbox')
        .filter(
          (row) =>
            row.doneAt === null &&
            row.escalatedAt === null &&
            row.deadlineAt !== null &&
            Date.parse(row.deadlineAt) < before &&
            (row.lockedUntil === null || Date.parse(row.lockedUntil) <= at),
        )
        .sort((a, b) => Date.parse(a.deadlineAt!) - Date.parse(b.deadlineAt!))
        .slice(0, limit);
    },
    addAudit: async (entry) => layer.put('audit', entry.id, entry),
    currentPolicy: async (tenant) => {
      const theirs = layer.all('policies').filter((p) => p.tenant === tenant);
      return theirs.length === 0
        ? undefined
        : withoutOrder(theirs.reduce((last, p) => (p.order > last.order ? p : last)));
    },
    policyVersion: async (tenant, id, version) => {
      const stored = layer.get('policies', policyKey({ tenant, id, version }));
      return stored && withoutOrder(stored);
    },
    addPolicy: async (policy) => {
      const existing = layer.get('policies', policyKey(policy));
      if (existing && existing.hash !== policy.hash) return withoutOrder(existing);
      // New, or the same files again: it becomes current (the latest in publishing order).
      const order = (layer.get('sequence', 'sequence') ?? 0) + 1;
      layer.put('sequence', 'sequence', order);
      layer.put('policies', policyKey(policy), { ...(existing ?? policy), order });
      return withoutOrder(existing ?? policy);
    },
    answer: async (scope, now) => {
      const answer = layer.get('answers', scope);
      return answer && answer.expiresAt > now ? answer : undefined;
    },
    putAnswer: async (answer) => layer.put('answers', answer.scope, answer),
    newId: async (prefix) => {
      const next = (layer.get('sequence', 'sequence') ?? 0) + 1;
      layer.put('sequence', 'sequence', next);
      return `${prefix}-${next}`;
    },
    savepoint: async (work) => {
      const outer = layer;
      layer = new Layer(outer, tables);
      try {
        const result = await work();
        layer.commit();
        return result;
      } finally {
        layer = outer;
      }
    },
  };
}

/**
 * A store over `data`, which it changes in place as transactions commit. Every transaction, read or
 * write, runs after the one before it has finished: the mock host is one process serving a few
 * callers, and a queue makes precondition, decision and effect one step with no locks to get wrong.
 */
export function createMemoryStore(data: MemoryData): HostStore {
  const tables = tablesOf(data);
  let queue: Promise<unknown> = Promise.resolve();
  const run = <T>(work: (tx: StoreTransaction) => Promise<T>, commit: boolean): Promise<T> => {
    const result = queue.then(async () => {
      const root = new Layer(null, tables);
      const value = await work(transactionOver(root, tables));
      if (commit) root.commit();
      return value;
    });
    queue = result.catch(() => undefined);
    return result;
  };
  return { write: (work) => run(work, true), read: (work) => run(work, false) };
}
