// Mounts a widget many times against the in-page mock host (answering at once) and measures, per
// mount: connect → first render, connect → decision painted. Long tasks are observed throughout.
import { createMockHost } from '@raincheck/mock-host';
import '@raincheck/elements/define';

const BASE = 'https://partner.test/api';
const host = createMockHost();
// Minted once, as a partner's page gets one token for its widgets: the measured mounts pay only for
// sending it and the host's check, never for minting.
const token = await host.token('therapist', { ttlSeconds: 600 });
const longTasks: number[] = [];

const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

async function mountOnce(tag: string): Promise<{ firstRender: number; decisionPainted: number }> {
  const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean>; state: string; fetch: typeof fetch; accessToken: string };
  el.setAttribute('session-id', 'ses-1');
  el.setAttribute('base-url', BASE);
  el.fetch = host.fetchAt(BASE);
  el.accessToken = token;
  const start = performance.now();
  document.body.append(el);
  await el.updateComplete;
  const firstRender = performance.now() - start;
  while (el.state === 'loading') await new Promise((resolve) => setTimeout(resolve));
  // A widget that ended in its error state (a refused token, say) would time the error, not the widget.
  if (el.state !== 'ready') throw new Error(`<${tag}> ended in "${el.state}", not "ready": the timings would measure a failure`);
  const decisionPainted = (await nextPaint()) - start;
  el.remove();
  return { firstRender, decisionPainted };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(tag: string, runs: number) {
  const first = await mountOnce(tag);
  const rest = [];
  for (let i = 0; i < runs; i++) rest.push(await mountOnce(tag));
  return {
    tag,
    cold: first,
    medianFirstRender: median(rest.map((r) => r.firstRender)),
    medianDecisionPainted: median(rest.map((r) => r.decisionPainted)),
  };
}

// Long tasks count from here: the harness's own loading (mock host, msw) is not the widget's cost.
await new Promise((resolve) => setTimeout(resolve, 50));
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask' });
const results = { widgets: [await measure('rc-cancel-session', 40), await measure('rc-reschedule-session', 40)], longestTask: Math.max(0, ...longTasks), longTasks: longTasks.length };
(globalThis as unknown as { benchResults: unknown }).benchResults = results;
document.body.dataset.done = '';
