// The built playground on the reference host, as `npm start` runs them: `raincheck-host serve
// --fixtures` on PGlite, the page served with reference-host/ proxied to it. The widgets' calls go
// to the reference host (seen on the network), each scenario a fresh demo practice of the tab.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startServe, type ServeProcess } from '../../../packages/host/test/shared/serve-process.js';
import { click, startBuiltPlayground, type BuiltPlayground } from '../shared/built-playground.js';

let dir: string;
let host: ServeProcess;
let playground: BuiltPlayground;
let browser: Browser;
let url: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'raincheck-playground-'));
  host = await startServe(['--data-dir', join(dir, 'data'), '--fixtures']);
  // The config reads RAINCHECK_HOST_URL when it loads, as under `npm start`.
  process.env.RAINCHECK_HOST_URL = host.url;
  try {
    playground = await startBuiltPlayground();
  } finally {
    delete process.env.RAINCHECK_HOST_URL;
  }
  ({ browser, url } = playground);
});

after(async () => {
  await playground?.close();
  await host?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the playground on the reference host (built, in Chromium)', () => {
  it('talks to the reference host by default: a cancellation there, each scenario a demo practice of its own', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const answered: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.includes('/reference-host/'))
        answered.push(`${response.request().method()} ${path} ${response.status()}`);
    });
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'ready', {
      timeout: 30_000,
    });
    assert.match(await page.$eval('.pg-header', (el) => el.textContent), /the reference host \(PGlite\)/);
    assert.equal(await page.$eval('select[name="host"]', (el) => el.value), 'reference');
    await click(page, 'rc-cancel-session', 'input[name="reason"]');
    await click(page, 'rc-cancel-session', '[part~="slot"] input', 0);
    await click(page, 'rc-cancel-session', '[part~="slot"] input', 1);
    await click(page, 'rc-cancel-session', '[part~="submit"]');
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'success', {
      timeout: 15_000,
    });
    assert.ok(
      answered.some((line) => /^POST \/reference-host\/_fixtures\/scenario 200$/.test(line)),
      answered.join('\n'),
    );
    assert.ok(
      answered.some((line) => /^POST \/reference-host\/sessions\/tab-[a-z0-9-]+\.ses-1\/cancel 200$/.test(line)),
      answered.join('\n'),
    );

    // One switch back to the in-page mock host (faults, records).
    await page.select('select[name="host"]', 'mock');
    await page.waitForFunction(
      () => document.querySelector('.pg-header')?.textContent?.includes('a mock running in this page'),
      { timeout: 10_000 },
    );
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'ready', {
      timeout: 20_000,
    });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('fills the team queue there by the practice’s own writes', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}?widget=rc-team-queue`);
    await page.waitForFunction(() => document.querySelector('rc-team-queue')?.getAttribute('state') === 'ready', {
      timeout: 30_000,
    });
    const text = await page.$eval('rc-team-queue', (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
    assert.match(text, /Mia was looking forward to her first session/);
    await page.close();
  });
});
