// What the example and packaging tests share: headless Chromium, a partner's site served to it
// under https://partner.test (a secure context, as the mock host's tokens need) from files the
// test names, and one cancellation completed in a widget the way a therapist does it.
import assert from 'node:assert/strict';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findChromium } from '../../../scripts/find-chromium.mjs';

/** The partner's origin the pages are served from. */
export const PARTNER_ORIGIN = 'https://partner.test';

/** A file the partner's site serves. */
export interface SiteFile {
  readonly body: string | Uint8Array;
  readonly contentType: string;
}

/** Launches headless Chromium (the machine's, found like the test runner does). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium is needed for this test (CHROME_PATH, or apt-get install -y chromium)');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** A page that records page errors and failed requests, and the requests it made. */
export interface WatchedPage {
  readonly page: Page;
  readonly errors: string[];
  readonly requested: string[];
}

/**
 * Opens `path` of a partner site whose files come from `site(path)` (404 when it has none). Every
 * request the page makes is answered here, so nothing is fetched from anywhere else.
 */
export async function openPartnerPage(
  browser: Browser,
  site: (path: string) => SiteFile | undefined,
  path = '/',
): Promise<WatchedPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requested: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    requested.push(url.origin === PARTNER_ORIGIN ? url.pathname : url.href);
    const file = url.origin === PARTNER_ORIGIN ? site(url.pathname) : undefined;
    if (!file && url.pathname === '/favicon.ico') {
      void request.respond({ status: 204, body: '' });
      return;
    }
    if (!file) {
      errors.push(`not served: ${request.url()}`);
      void request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
      return;
    }
    void request.respond({
      status: 200,
      contentType: file.contentType,
      body: typeof file.body === 'string' ? file.body : Buffer.from(file.body),
    });
  });
  await page.goto(`${PARTNER_ORIGIN}${path}`);
  return { page, errors, requested };
}

/** Clicks inside a widget's shadow root (the `index`th match of `selector`). */
export const clickIn = (page: Page, tag: string, selector: string, index = 0) =>
  page.$eval(tag, (el, s, i) => el.shadowRoot!.querySelectorAll<HTMLElement>(s)[i]!.click(), selector, index);

/** Waits for a widget's `state` attribute, with what the widget shows in the failure message. */
export async function waitForState(page: Page, tag: string, state: string, timeout = 20_000): Promise<void> {
  try {
    await page.waitForFunction(
      (t, s) => document.querySelector(t)?.getAttribute('state') === s,
      { timeout },
      tag,
      state,
    );
  } catch (error) {
    const shown = await page.evaluate((t) => {
      const el = document.querySelector(t);
      return el
        ? `state=${el.getAttribute('state')} defined=${customElements.get(t) !== undefined}: ${el.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 400)}`
        : 'no such element';
    }, tag);
    throw new Error(`<${tag}> never reached state "${state}" (${shown})`, { cause: error });
  }
}

/**
 * Completes a cancellation in `<rc-cancel-session>` as a therapist does: the reason, the two
 * alternative times the default rules ask for, submit; resolves once the widget shows success.
 */
export async function completeCancel(page: Page, tag = 'rc-cancel-session'): Promise<void> {
  await waitForState(page, tag, 'ready');
  await clickIn(page, tag, 'input[name="reason"]');
  await clickIn(page, tag, '[part~="slot"] input', 0);
  await clickIn(page, tag, '[part~="slot"] input', 1);
  await clickIn(page, tag, '[part~="submit"]');
  await waitForState(page, tag, 'success', 10_000);
}
