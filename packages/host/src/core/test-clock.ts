/**
 * A clock tests and the fixtures endpoint can move: it runs with real time, shifted by an offset
 * that `advance` and `set` change, so a follow-up due in 24 hours is due after one request, not a day.
 */
export interface TestClock {
  /** Epoch ms, as `Date.now` (what the core's and the worker's `now` take). */
  now(): number;
  advance(ms: number): number;
  /** Makes it this instant now (epoch ms). */
  set(ms: number): number;
}

/** A {@link TestClock} starting at `startMs` (default the real time), moving with `realNow`. */
export function createTestClock(startMs?: number, realNow: () => number = Date.now): TestClock {
  let offset = startMs === undefined ? 0 : startMs - realNow();
  return {
    now: () => realNow() + offset,
    advance: (ms) => {
      offset += ms;
      return realNow() + offset;
    },
    set: (ms) => {
      offset = ms - realNow();
      return ms;
    },
  };
}
