/** `scheduler.yield()` where the browser has it (Chromium 129+), which keeps the task's priority. */
interface YieldingScheduler {
  readonly yield: () => Promise<void>;
}

/**
 * Lets the browser paint and handle input before the next step: a decision's steps (building the
 * policy, deciding, rendering what was decided) then run as tasks of their own instead of one long
 * task, which on a slow phone held the page for hundreds of milliseconds.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
