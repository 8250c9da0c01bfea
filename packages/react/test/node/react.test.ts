// @raincheck/react as a partner's React app uses it (build first: the components are generated from
// the elements' manifest): types checked from the built package, and a page rendered by React in
// Chromium completing a cancellation against the mock host.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser } from 'puppeteer-core';
import ts from 'typescript';
import { completeCancel, launchChromium, openPartnerPage } from '../../../../examples/test/shared/partner-browser.js';
import { typeErrors } from '../../../../examples/test/shared/package-checks.js';

const packageRoot = new URL('../../', import.meta.url).pathname;
const fixtures = `${packageRoot}test/fixtures/`;
const jsx = { jsx: ts.JsxEmit.ReactJSX };

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

describe('@raincheck/react', () => {
  it('types the components and, for React 19, the bare elements in JSX', () => {
    // wrong-props.tsx expects an error on each of its lines (`@ts-expect-error`): one missing is an error too.
    assert.deepEqual(
      typeErrors(
        packageRoot,
        [`${fixtures}cancel-app.tsx`, `${fixtures}bare-elements.tsx`, `${fixtures}wrong-props.tsx`],
        jsx,
      ),
      [],
    );
  });

  it('renders <RcCancelSession> in React, and a cancellation completes against the mock host', async () => {
    const app = await build({
      entryPoints: [`${fixtures}cancel-app.tsx`],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['browser', 'production'],
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      logLevel: 'silent',
    });
    const page =
      '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>';
    const site = (path: string) =>
      path === '/'
        ? { body: page, contentType: 'text/html' }
        : path === '/app.js'
          ? { body: app.outputFiles[0]!.text, contentType: 'text/javascript' }
          : undefined;
    const opened = await openPartnerPage(browser, site);
    await completeCancel(opened.page);
    // The success event reached React through the onRcCancelSuccess prop.
    await opened.page.waitForFunction(() => document.querySelector('#outcome')?.textContent === 'cancelled ses-1', {
      timeout: 5000,
    });
    const notified = await opened.page.evaluate(() =>
      (
        globalThis as unknown as { mockHost: { records: { notifications: { sessionId: string }[] } } }
      ).mockHost.records.notifications.map((n) => n.sessionId),
    );
    assert.deepEqual(notified, ['ses-1']);
    assert.deepEqual(opened.errors, []);
  });
});
