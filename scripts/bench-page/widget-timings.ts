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
/** Where each `scheduler.yield()` was called from and when it resumed: a long task that starts then is that yield's continuation. */
const resumes: { at: number; site: string }[] = [];
const pageScheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
const yieldOnce = pageScheduler?.yield?.bind(pageScheduler);
if (pageScheduler && yieldOnce)
  pageScheduler.yield = () => {
    const site = (new Error().stack ?? '')
      .split('\n')
      .slice(2, 4)
      .map((line) => line.trim().replace(/\(.*\//, '('))
      .join(' < ');
    return yieldOnce().then(() => {
      resumes.push({ at: performance.now(), site });
    });
  };
const host = createMockHost();
// Each of the widget's calls answers after one round trip (none by default: the host answers at once).
if (roundTripMs > 0)
  for (const endpoint of ['getSession', 'getPolicyFacts', 'listSlots', 'getRules'] as const)
    host.faults.set(endpoint, { latencyMs: roundTripMs });
// Minted once, as a partner's page gets one token for its widgets: the measured mounts pay only for
// sending it and the host's check, never for minting.
const token = await host.token('therapist', { ttlSeconds: 600 });
// The mock host answers once before the mounts: its own first call (compiling its code) is the
// harness's cost, not the widget's; in a partner's page the host runs elsewhere.
await host.fetchAt(BASE)(`${BASE}/sessions/ses-1`, { headers: { authorization: `Bearer ${token}` } });
const longTasks: { start: number; duration: number }[] = [];
/** Long animation frames (50 ms or more), with the scripts that ran in them: what a long task was. */
const longFrames: { start: number; duration: number; scripts: string[] }[] = [];

const nextPaint = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

/** A task of 50 ms or more during a mount: when it started (ms after the mount) and how long it took. */
interface MountTask {
  readonly at: number;
  readonly duration: number;
  /** The frame's longest scripts (`function` from `file` as `invoker`: ms) and its style and layout. */
  readonly frame?: string;
  /** The `scheduler.yield()` the task resumed from, if one (its caller's stack frames). */
  readonly site?: string;
}

interface ScriptTiming {
  readonly duration: number;
  readonly invoker: string;
  readonly sourceFunctionName: string;
  readonly sourceURL: string;
}
interface FrameTiming extends PerformanceEntry {
  readonly renderStart: number;
  readonly styleAndLayoutStart: number;
  readonly scripts: readonly ScriptTiming[];
}

async function mountOnce(
  tag: string,
): Promise<{ firstRender: number; decisionPainted: number; longestTask: number; tasks: MountTask[] }> {
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
  // The mount starts a task of its own, so the tasks it overlaps are the widget's.
  await new Promise((resolve) => setTimeout(resolve));
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
  const during = longTasks
    .filter((task) => task.start + task.duration > start && task.start <= painted)
    .map((task) => ({
      at: Math.round(task.start - start),
      duration: task.duration,
      site: resumes
        .filter((r) => Math.abs(r.at - task.start) < 3)
        .map((r) => r.site)
        .join(' | '),
      frame: longFrames
        .filter(
          (frame) => frame.start <= task.start + 1 && frame.start + frame.duration >= task.start + task.duration - 1,
        )
        .flatMap((frame) => frame.scripts)
        .join('; '),
    }));
  return {
    firstRender,
    decisionPainted: painted - start,
    longestTask: Math.max(0, ...during.map((task) => task.duration)),
    tasks: during,
  };
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
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as FrameTiming[]) {
    const scripts = [...entry.scripts]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map(
        (script) =>
          `${script.sourceFunctionName || '(anonymous)'} in ${script.sourceURL.split('/').pop()} as ${script.invoker}: ${script.duration.toFixed(0)} ms`,
      );
    const render = entry.startTime + entry.duration - entry.renderStart;
    if (entry.renderStart > 0) scripts.push(`render ${render.toFixed(0)} ms`);
    longFrames.push({ start: entry.startTime, duration: entry.duration, scripts });
  }
}).observe({ type: 'long-animation-frame', buffered: true });
const widgets = [];
for (const tag of ['rc-cancel-session', 'rc-reschedule-session']) widgets.push(await measure(tag));
const results = { widgets, longestTask: Math.max(0, ...longTasks.map((t) => t.duration)), longTasks: longTasks.length };
(globalThis as unknown as { benchResults: unknown }).benchResults = results;
document.body.dataset.done = '';
