/**
 * A lock per key for async work in one process: a caller runs only once it holds every key it
 * names, and callers of one key run one after another in the order they asked. An idle key holds
 * no memory.
 */
export interface KeyedLock {
  /**
   * Runs `task` while holding the keys `keysOf` names. The keys may depend on state that another
   * holder can change (an offer that does not exist yet), so they are named again once held; when
   * they changed meanwhile, the lock lets go and queues for the new ones before `task` runs. A caller
   * joins the queues of all its keys at once, so callers never wait for each other in a cycle. The
   * keys are released when `task` settles, whether it resolves or throws.
   */
  run<T>(keysOf: () => Iterable<string>, task: () => T | Promise<T>): Promise<T>;
  /** How many keys are held or waited for now: 0 when nothing runs. */
  readonly activeKeys: number;
}

/** Creates an empty {@link KeyedLock}. */
export function createKeyedLock(): KeyedLock {
  // Per key, the promise its last caller resolves when it lets go: the next caller waits for it.
  const tails = new Map<string, Promise<void>>();

  /** Joins the queue of every key at once; `ready` when all earlier callers of them have let go. */
  function enqueue(keys: readonly string[]): { ready: Promise<unknown>; release: () => void } {
    const earlier: Promise<void>[] = [];
    const releases: (() => void)[] = [];
    for (const key of keys) {
      const previous = tails.get(key);
      if (previous) earlier.push(previous);
      let resolve!: () => void;
      const held = new Promise<void>((r) => (resolve = r));
      tails.set(key, held);
      releases.push(() => {
        resolve();
        // Nobody queued behind this caller: forget the key, so idle keys do not pile up.
        if (tails.get(key) === held) tails.delete(key);
      });
    }
    return { ready: Promise.all(earlier), release: () => releases.forEach((release) => release()) };
  }

  const distinct = (keys: Iterable<string>) => [...new Set(keys)].sort();
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

  async function run<T>(keysOf: () => Iterable<string>, task: () => T | Promise<T>): Promise<T> {
    for (;;) {
      const keys = distinct(keysOf());
      const { ready, release } = enqueue(keys);
      try {
        await ready;
        if (same(distinct(keysOf()), keys)) return await task();
      } finally {
        release();
      }
    }
  }

  return {
    run,
    get activeKeys() {
      return tails.size;
    },
  };
}
