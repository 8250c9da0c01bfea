// What the Chromium tests of the built playground share: the static site served by `vite preview`
// (its config read as it loads, so environment set before is seen) and a browser.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { preview } from 'vite';
import { findChromium } from '../../../scripts/find-chromium.mjs';

const root = new URL('../../../', import.meta.url).pathname;

/** The served playground and a browser to open it in. */
export interface BuiltPlayground {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Serves dist/playground on a free port and launches headless Chromium. */
export async function startBuiltPlayground(): Promise<BuiltPlayground> {
  assert.ok(existsSync(join(root, 'dist/playground/index.html')), 'build the playground first (npm run build)');
  const server = await preview({
    configFile: join(root, 'vite.config.ts'),
    preview: { port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium is needed for this test');
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  return {
    url: server.resolvedUrls!.local[0]!,
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}

/** Clicks inside a widget's shadow root. */
export const click = (page: Page, tag: string, selector: string, index = 0) =>
  page.$eval(tag, (el, s, i) => el.shadowRoot!.querySelectorAll<HTMLElement>(s)[i]!.click(), selector, index);
