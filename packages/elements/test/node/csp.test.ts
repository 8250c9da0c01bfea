import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findChromium } from '../../../../scripts/find-chromium.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const root = new URL('../../../../', import.meta.url).pathname;

let server: Awaited<ReturnType<typeof startDevServer>>;
let browser: Browser;

before(async () => {
  server = await startDevServer({
    config: {
      rootDir: root,
      port: 0,
      nodeResolve: { exportConditions: ['browser', 'production'] },
      plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
      middleware: [
        async (context, next) => {
          await next();
          context.set('Content-Security-Policy', CSP);
        },
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium is needed for this test');
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('under a strict Content Security Policy', () => {
  it(`${CSP}: a whole cancellation and a locale switch, with no violation`, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      // The browser asks for /favicon.ico by itself; the page has none.
      if (message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico'))
        errors.push(`${message.text()} ${message.location().url ?? ''}`);
    });
    const { port } = server.server!.address() as AddressInfo;
    const response = await page.goto(`http://localhost:${port}/packages/elements/test/csp/index.html`);
    assert.equal(response?.headers()['content-security-policy'], CSP);
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'ready', {
      timeout: 15_000,
    });
    await page.evaluate(() => {
      const root = document.querySelector('rc-cancel-session')!.shadowRoot!;
      root.querySelector<HTMLInputElement>('input[name="reason"]')!.click();
      for (const box of [...root.querySelectorAll<HTMLInputElement>('[part~="slot"] input')].slice(0, 2)) box.click();
    });
    await page.waitForFunction(
      () =>
        !document.querySelector('rc-cancel-session')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!
          .disabled,
    );
    await page.evaluate(() =>
      document
        .querySelector('rc-cancel-session')!
        .shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!
        .click(),
    );
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'success', {
      timeout: 10_000,
    });
    await page.evaluate(() =>
      (globalThis as unknown as { raincheck: { setLocale: (l: string) => Promise<void> } }).raincheck.setLocale('de'),
    );
    assert.match(
      await page.evaluate(() => document.querySelector('rc-cancel-session')!.shadowRoot!.textContent),
      /Sitzung abgesagt/,
    );
    const violations = await page.evaluate(
      () => (globalThis as unknown as { raincheck: { violations: string[] } }).raincheck.violations,
    );
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
  });
});
