import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findChromium } from '../../../../scripts/find-chromium.mjs';

const elements = new URL('../../', import.meta.url).pathname;

/** One self-contained copy of the SDK, as two partners' scripts on one page would each ship it. */
async function sdkCopy(name: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import '@raincheck/elements/define';
        import { setRaincheckLocale } from '@raincheck/elements';
        import { createMockHost } from '@raincheck/mock-host';
        globalThis[${JSON.stringify(name)}] = { setRaincheckLocale, createMockHost };`,
      resolveDir: elements,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

let browser: Browser;
before(async () => {
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium is needed for this test');
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});
after(() => browser?.close());

describe('two copies of the SDK on one page', () => {
  it('both load without breaking registration, and the widgets work', async () => {
    const [first, second] = await Promise.all([sdkCopy('copyA'), sdkCopy('copyB')]);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // A partner's page on https: a secure context, as the mock host's tokens need (Web Crypto).
    await page.setRequestInterception(true);
    page.on(
      'request',
      (request) =>
        void request.respond({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><html lang="en"><body></body></html>',
        }),
    );
    await page.goto('https://partner.test/');
    await page.addScriptTag({ content: first, type: 'module' });
    await page.addScriptTag({ content: second, type: 'module' });
    await page.waitForFunction(() => 'copyA' in globalThis && 'copyB' in globalThis);
    const state = await page.evaluate(async () => {
      type Copy = {
        createMockHost: () => { fetchAt: (base: string) => typeof fetch; token: (who: 'therapist') => Promise<string> };
      };
      const host = (globalThis as unknown as { copyB: Copy }).copyB.createMockHost();
      const el = document.createElement('rc-cancel-session') as HTMLElement & {
        fetch: typeof fetch;
        getAccessToken: (context: { readonly refresh: boolean }) => Promise<string>;
        state: string;
      };
      el.setAttribute('session-id', 'ses-1');
      el.setAttribute('base-url', 'https://partner.test/api');
      el.fetch = host.fetchAt('https://partner.test/api');
      el.getAccessToken = () => host.token('therapist');
      document.body.append(el);
      for (let i = 0; i < 100 && el.state === 'loading'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return el.state;
    });
    assert.equal(state, 'ready');
    assert.deepEqual(errors, []);
  });
});
