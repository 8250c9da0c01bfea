// Mounts widgets many times against the in-page mock host and measures, per mount: connect → first
// render, connect → decision painted. Long tasks are observed throughout. The page's address says
// which build of the widgets to load (`elements=baseline`: the one BENCH_BASELINE_ELEMENTS names),
// how long each host round trip takes (`rtt`, ms) and how many warm mounts follow the cold one.
import { createMockHost } from '@raincheck/mock-host';

const params = new URLSearchParams(location.search);
const runs = Number(params.get('runs') ?? 40);
const roundTripMs = Number(params.get('rtt') ?? 0);
// The baseline is a copy of another build's dist/, which widget-timings.ts puts there for the run.
const baselineDefine: string = '/node_modules/.raincheck-baseline/elements/dist/define.js';
await (params.get('elements') === 'baseline' ? import(baselineDefine) : import('@raincheck/elements/define'));

const BASE = 'https://partner.test/api';
const host = createMockHost();
// Each of the widget's calls answers after one round trip (none by default: the host answers at once).
if (roundTripMs > 0)
  for (const endpoint of ['getSession', 'getPolicyFacts', 'listSlots', 'getRules'] as const)
    host.faults.set(endpoint, { latencyMs: roundTripMs });
// Minted once, as a partner's page gets one token for its widgets: the measured mounts pay only for
// sending it and the host's check, never for minting.
const token = await host.token('therapist', { ttlSeconds: 600 });
const longTasks: { start: number; duration: number }[] = [];

const nextPaint = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

async function mountOnce(tag: string): Promise<{ firstRender: number; decisionPainted: number; longestTask: number }> {
  const el = document.createElement(tag) as HTMLElement & {
    updateComplete: Promise<boolean>;
    state: string;
    fetch: typeof fetch;
    accessToken: string;
  };
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
  if (el.state !== 'ready')
    throw new Error(`<${tag}> ended in "${el.state}", not "ready": the timings would measure a failure`);
  const painted = await nextPaint();
  // Long tasks are reported late: wait a little so this mount's are in.
  await new Promise((resolve) => setTimeout(resolve, 60));
  el.remove();
  const during = longTasks.filter((task) => task.start >= start && task.start <= painted).map((task) => task.duration);
  return { firstRender, decisionPainted: painted - start, longestTask: Math.max(0, ...during) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(tag: string) {
  const first = await mountOnce(tag);
  const rest = [];
  for (let i = 0; i < runs; i++) rest.push(await mountOnce(tag));
  return {
    tag,
    cold: first,
    medianFirstRender: median(rest.map((r) => r.firstRender)),
    medianDecisionPainted: median(rest.map((r) => r.decisionPainted)),
    longestTask: Math.max(first.longestTask, ...rest.map((r) => r.longestTask)),
  };
}

// Long tasks count from here: the harness's own loading (mock host, msw) is not the widget's cost.
await new Promise((resolve) => setTimeout(resolve, 50));
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
const widgets = [];
for (const tag of ['rc-cancel-session', 'rc-reschedule-session']) widgets.push(await measure(tag));
const results = { widgets, longestTask: Math.max(0, ...longTasks.map((t) => t.duration)), longTasks: longTasks.length };
(globalThis as unknown as { benchResults: unknown }).benchResults = results;
document.body.dataset.done = '';
