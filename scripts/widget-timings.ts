// Runs scripts/bench-page in headless Chromium and returns the widget timings it measured: as the
// machine runs it, on a CPU throttled 4× (a mid-range phone), and with a 50 ms round trip to the
// host; for this build and, beside it in the same run, a baseline build of the widgets
// (BENCH_BASELINE_ELEMENTS: the dist/ of @raincheck/elements as it was, e.g. main's). Alone
// (`node --import tsx scripts/widget-timings.ts`) it prints the widget figures only; BENCH_WIDGET_MODES
// and BENCH_WIDGET_REPEAT choose the runs, BENCH_WIDGET_FRAMES=1 adds what each cold long task ran
// (its long animation frame's scripts, and the `scheduler.yield()` it resumed from).
import { cpSync, existsSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { findChromium } from './find-chromium.mjs';

export interface WidgetRun {
  readonly widgets: {
    tag: string;
    cold: {
      firstRender: number;
      decisionPainted: number;
      longestTask: number;
      /** Its tasks of 50 ms or more: ms after the mount, and how long. */
      tasks: { at: number; duration: number; frame?: string; site?: string }[];
    };
    medianFirstRender: number;
    medianDecisionPainted: number;
    longestTask: number;
  }[];
  /** The longest main-thread task seen (Chromium reports tasks of 50 ms and more; 0 when none). */
  readonly longestTask: number;
  readonly longTasks: number;
}

/** How one run is set up. */
export interface WidgetRunMode {
  readonly label: string;
  /** Chromium's CPU throttling rate (1: none). */
  readonly cpuSlowdown: number;
  /** Each host call's round trip, ms. */
  readonly roundTripMs: number;
  /** Warm mounts after the cold one. */
  readonly runs: number;
}

const ALL_MODES = {
  machine: {
    label: 'as the machine runs it, the mock host answering at once',
    cpuSlowdown: 1,
    roundTripMs: 0,
    runs: 40,
  },
  throttled: { label: 'CPU throttled 4×', cpuSlowdown: 4, roundTripMs: 0, runs: 8 },
  rtt: { label: '50 ms round trip to the host', cpuSlowdown: 1, roundTripMs: 50, runs: 8 },
} satisfies Record<string, WidgetRunMode>;

/**
 * The modes a run measures: all three, or those BENCH_WIDGET_MODES names (`machine`, `throttled`,
 * `rtt`, comma-separated), each BENCH_WIDGET_REPEAT times (default 1), this build and the baseline in turn.
 */
export const MODES: readonly WidgetRunMode[] = (process.env.BENCH_WIDGET_MODES?.split(',') ?? Object.keys(ALL_MODES))
  .map((name) => {
    const mode = ALL_MODES[name.trim() as keyof typeof ALL_MODES];
    if (!mode) throw new Error(`BENCH_WIDGET_MODES: no mode "${name}" (machine, throttled, rtt)`);
    return mode;
  })
  .flatMap((mode) => Array.from({ length: Math.max(1, Number(process.env.BENCH_WIDGET_REPEAT ?? 1)) }, () => mode));

export interface WidgetTimings {
  readonly baseline: string | undefined;
  readonly runs: { mode: WidgetRunMode; current: WidgetRun; baseline: WidgetRun | undefined }[];
}

export async function widgetTimings(
  root: string,
  baselineDist = process.env.BENCH_BASELINE_ELEMENTS,
): Promise<WidgetTimings | string> {
  const executablePath = findChromium();
  if (!executablePath) return 'skipped: no Chromium';
  const baselineDir = join(root, 'node_modules/.raincheck-baseline/elements/dist');
  const baseline = baselineDist && existsSync(join(baselineDist, 'define.js')) ? baselineDist : undefined;
  if (baseline) cpSync(baseline, baselineDir, { recursive: true });
  const server = await startDevServer({
    config: {
      rootDir: root,
      port: 0,
      nodeResolve: { exportConditions: ['browser', 'production'] },
      plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const { port } = server.server!.address() as AddressInfo;
  /** One run in a fresh browser context, so its first mount is cold: nothing cached. */
  const run = async (mode: WidgetRunMode, elements: 'current' | 'baseline'): Promise<WidgetRun> => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      const cdp = await page.createCDPSession();
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      if (mode.cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: mode.cpuSlowdown });
      await page.goto(
        `http://localhost:${port}/scripts/bench-page/index.html?elements=${elements}&rtt=${mode.roundTripMs}&runs=${mode.runs}`,
      );
      await page.waitForSelector('body[data-done]', { timeout: 300_000 });
      return await page.evaluate(() => (globalThis as unknown as { benchResults: WidgetRun }).benchResults);
    } finally {
      await context.close();
    }
  };
  try {
    const runs = [];
    for (const mode of MODES)
      runs.push({
        mode,
        current: await run(mode, 'current'),
        baseline: baseline ? await run(mode, 'baseline') : undefined,
      });
    return { baseline, runs };
  } finally {
    await browser.close();
    await server.stop();
    if (baseline) rmSync(join(root, 'node_modules/.raincheck-baseline'), { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Prints a run's figures, this build beside the baseline, with the cold mounts' long tasks. */
export function printWidgetTimings(timings: WidgetTimings): void {
  if (!timings.baseline)
    console.log(
      "(no baseline: set BENCH_BASELINE_ELEMENTS to a built packages/elements/dist, e.g. main's, to measure it beside this build)",
    );
  for (const { mode, current, baseline } of timings.runs) {
    console.log(`\n${mode.label}`);
    console.log(
      '                          build      first render   decision painted (warm)   cold: decision painted   longest task   cold: tasks ≥ 50 ms (at +ms: ms)',
    );
    for (const [build, result] of [
      ['this', current],
      ['baseline', baseline],
    ] as const) {
      if (!result) continue;
      for (const w of result.widgets) {
        const coldTasks = w.cold.tasks.map((task) => `+${task.at}: ${ms(task.duration)}`).join(', ') || 'none';
        console.log(
          `${`<${w.tag}>`.padEnd(26)}${build.padEnd(10)} ${ms(w.medianFirstRender).padStart(12)}   ${ms(w.medianDecisionPainted).padStart(22)}   ${ms(w.cold.decisionPainted).padStart(22)}   ${(w.longestTask === 0 ? '< 50 ms' : ms(w.longestTask)).padStart(12)}   ${coldTasks}`,
        );
      }
    }
  }
  console.log('targets: first render ≤ 50 ms, decision painted ≤ 100 ms, no task of 50 ms or more (throttled too)');
  if (process.env.BENCH_WIDGET_FRAMES)
    for (const { mode, current, baseline } of timings.runs)
      for (const [build, result] of [
        ['this', current],
        ['baseline', baseline],
      ] as const)
        for (const w of result?.widgets ?? [])
          for (const task of w.cold.tasks)
            console.log(
              `${mode.label}, ${build}, <${w.tag}> cold, +${task.at}: ${ms(task.duration)}: ${task.frame || '?'}${task.site ? `, resumed from ${task.site}` : ''}`,
            );
}

// Alone (`node --import tsx scripts/widget-timings.ts`): the widget figures only, for short runs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const timings = await widgetTimings(new URL('..', import.meta.url).pathname);
  if (typeof timings === 'string') console.log(timings);
  else printWidgetTimings(timings);
}
