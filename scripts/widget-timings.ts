// Runs scripts/bench-page in headless Chromium and returns the widget timings it measured.
import type { AddressInfo } from 'node:net';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
import { findChromium } from './find-chromium.mjs';

export interface WidgetTimings {
  readonly widgets: { tag: string; cold: { firstRender: number; decisionPainted: number }; medianFirstRender: number; medianDecisionPainted: number }[];
  /** The longest main-thread task seen (Chromium reports tasks of 50 ms and more; 0 when none). */
  readonly longestTask: number;
  readonly longTasks: number;
}

export async function widgetTimings(root: string): Promise<WidgetTimings | string> {
  const executablePath = findChromium();
  if (!executablePath) return 'skipped: no Chromium';
  const server = await startDevServer({
    config: { rootDir: root, port: 0, nodeResolve: { exportConditions: ['browser', 'production'] }, plugins: [esbuildPlugin({ ts: true, target: 'es2022' })] },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    const { port } = server.server!.address() as AddressInfo;
    await page.goto(`http://localhost:${port}/scripts/bench-page/index.html`);
    await page.waitForSelector('body[data-done]', { timeout: 120_000 });
    return await page.evaluate(() => (globalThis as unknown as { benchResults: WidgetTimings }).benchResults);
  } finally {
    await browser.close();
    await server.stop();
  }
}
