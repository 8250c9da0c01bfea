// The script-tag build (packages/elements/dist/script-tag/, written by `npm run build`) on a plain
// HTML page: only `<script type="module" src>` tags, the mock host configuring `<rc-provider>`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { init, parse } from 'es-module-lexer';
import type { Browser } from 'puppeteer-core';
import { completeCancel, launchChromium, openPartnerPage, waitForState } from '../shared/partner-browser.js';
import { mockHostScript } from '../shared/mock-host-script.js';
import { scriptTagSite } from '../shared/script-tag-site.js';

const repository = new URL('../../../', import.meta.url).pathname;
const scriptTagDir = `${repository}packages/elements/dist/script-tag`;

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

describe('script-tag build', () => {
  it('has one module per element and a loader, with no bare import left', async () => {
    await init;
    const modules = readdirSync(scriptTagDir)
      .filter((file) => file.endsWith('.js'))
      .sort();
    assert.ok(
      modules.includes('raincheck.js') &&
        modules.includes('rc-cancel-session.js') &&
        modules.includes('rc-provider.js'),
      modules.join(', '),
    );
    for (const file of modules) {
      const text = readFileSync(`${scriptTagDir}/${file}`, 'utf8');
      // Every import's specifier (static, or dynamic of a literal); a computed one is `undefined`.
      const [imports] = parse(text, file);
      const bare = imports
        .map((i) => i.n)
        .filter((specifier) => specifier !== undefined && !/^(\.{1,2}\/|\/|https?:)/.test(specifier));
      assert.deepEqual(bare, [], `${file} imports by bare name`);
    }
  });

  it('defines the elements a plain HTML page uses, on demand, and a cancellation completes against the mock host', async () => {
    const mockHost = await mockHostScript(`${repository}packages/mock-host`, { baseUrl: 'https://partner.test/api' });
    const { page, errors, requested } = await openPartnerPage(browser, scriptTagSite(scriptTagDir, mockHost));
    await completeCancel(page);
    const notified = await page.evaluate(() =>
      (
        globalThis as unknown as { mockHost: { records: { notifications: { sessionId: string }[] } } }
      ).mockHost.records.notifications.map((n) => n.sessionId),
    );
    assert.deepEqual(notified, ['ses-1']);
    // Only what the page uses was loaded: the provider and the cancel widget.
    assert.deepEqual(requested.filter((path) => path.startsWith('/raincheck/')).sort(), [
      '/raincheck/raincheck.js',
      '/raincheck/rc-cancel-session.js',
      '/raincheck/rc-provider.js',
    ]);

    // An element added later is defined when it appears.
    await page.evaluate(() => {
      const refund = document.createElement('rc-refund-request');
      refund.setAttribute('session-id', 'ses-1');
      document.querySelector('rc-provider')!.append(refund);
    });
    await waitForState(page, 'rc-refund-request', 'ready');
    assert.ok(requested.includes('/raincheck/rc-refund-request.js'));
    assert.deepEqual(errors, []);
  });
});
