import { newIdempotencyKey } from '@raincheck/host-api/client';

interface StoredIntent {
  readonly key: string;
  readonly fingerprint: string;
}

const memory = new Map<string, string>();

/** sessionStorage when the page may use it (not in some sandboxed frames), else memory. */
const storage = {
  get(name: string): string | null {
    try {
      return sessionStorage.getItem(name);
    } catch {
      return memory.get(name) ?? null;
    }
  },
  set(name: string, value: string): void {
    try {
      sessionStorage.setItem(name, value);
    } catch {
      memory.set(name, value);
    }
  },
  remove(name: string): void {
    try {
      sessionStorage.removeItem(name);
    } catch {
      memory.delete(name);
    }
  },
};

/**
 * One idempotency key per user intent, kept in sessionStorage until the host gives a final answer:
 * a retry, a double click or a reload sends the same key, so the host acts once. Changing what is
 * sent makes a new intent with a new key.
 */
export class IntentKeys {
  constructor(private readonly prefix: string) {}

  keyFor(scope: string, body: unknown): string {
    const name = `${this.prefix}:${scope}`;
    const fingerprint = JSON.stringify(body);
    try {
      const stored = JSON.parse(storage.get(name) ?? 'null') as StoredIntent | null;
      if (stored?.fingerprint === fingerprint) return stored.key;
    } catch {
      // A damaged entry is replaced below.
    }
    const key = newIdempotencyKey();
    storage.set(name, JSON.stringify({ key, fingerprint } satisfies StoredIntent));
    return key;
  }

  /** The host answered for good: forget the key. */
  settle(scope: string): void {
    storage.remove(`${this.prefix}:${scope}`);
  }
}
