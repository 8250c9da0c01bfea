// Runs scripts/bench-page in headless Chromium and returns the widget timings it measured: as the
// machine runs it, on a CPU throttled 4× (a mid-range phone), and with a 50 ms round trip to the
// host; for this build and, beside it in the same run, a baseline build of the widgets
// (BENCH_BASELINE_ELEMENTS: the dist/ of @raincheck/elements as it was, e.g. main's).
import { cpSync, existsSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { findChromium } from './find-chromium.mjs';

export interface WidgetRun {
  readonly widgets: {
    tag: string;
    cold: { firstRender: number; decisionPainted: number; longestTask: number };
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

export const MODES: readonly WidgetRunMode[] = [
  { label: 'as the machine runs it, the mock host answering at once', cpuSlowdown: 1, roundTripMs: 0, runs: 40 },
  { label: 'CPU throttled 4×', cpuSlowdown: 4, roundTripMs: 0, runs: 8 },
  { label: '50 ms round trip to the host', cpuSlowdown: 1, roundTripMs: 50, runs: 8 },
];

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
