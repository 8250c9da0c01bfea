// The built playground, end to end in Chromium: it starts on the default rules and the mock host,
// each widget completes its main path, an invalid rule edit shows its error, a valid one changes
// the decision. Runs against `dist/playground` (the static site `npm run build` makes).
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultRuleFiles } from '@raincheck/policy/rules';
import type { Browser, Page } from 'puppeteer-core';
import { WIDGETS } from '../../src/widgets.js';
import { click, startBuiltPlayground, type BuiltPlayground } from '../shared/built-playground.js';

let playground: BuiltPlayground;
let browser: Browser;
let url: string;

before(async () => {
  playground = await startBuiltPlayground();
  ({ browser, url } = playground);
});

after(() => playground?.close());

/** Text of a widget's shadow root, whitespace collapsed. */
const widgetText = (page: Page, tag: string) =>
  page.$eval(tag, (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

async function open(query = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${url}${query}`);
  return { page, errors };
}

describe('the playground (built, in Chromium)', () => {
  it('starts on the default rules with the mock host, and cancelling completes: host records, events, decision trace', async () => {
    const { page, errors } = await open();
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'ready', {
      timeout: 20_000,
    });
    assert.match(await widgetText(page, 'rc-cancel-session'), /Ben Carter is told now by email\./);
    assert.match(
      await page.$eval('pg-decision-view', (el) => el.textContent),
      /cancel: allowed[\s\S]*Explanation trace/,
    );

    await click(page, 'rc-cancel-session', 'input[name="reason"]');
    await click(page, 'rc-cancel-session', '[part~="slot"] input', 0);
    await click(page, 'rc-cancel-session', '[part~="slot"] input', 1);
    await click(page, 'rc-cancel-session', '[part~="submit"]');
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'success', {
      timeout: 10_000,
    });

    await page.click('#tab-host');
    const rows = await page.$$eval('pg-host-log tbody tr', (trs) =>
      trs.map((tr) => `${tr.querySelector('code')!.textContent} ${tr.children[1]!.textContent}`),
    );
    assert.ok(rows.includes('POST /sessions/ses-1/cancel 200'), rows.join('\n'));
    const log = await page.$eval('pg-host-log', (el) => el.textContent.replace(/\s+/g, ' '));
    assert.match(log, /session-cancelled to cli-ben by email/);
    assert.match(log, /rc-cancel-submit[\s\S]*rc-cancel-success/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('every widget in the catalogue opens ready in its scenario, and fires its decision where it makes one', async () => {
    for (const { tag, scenario } of WIDGETS) {
      const { page, errors } = await open(`?widget=${tag}`);
      await page.waitForFunction(
        (t) => document.querySelector(t)?.getAttribute('state') === 'ready',
        { timeout: 20_000 },
        tag,
      );
      assert.equal(await page.$eval('select[name="scenario"]', (el) => el.value), scenario, `${tag} scenario`);
      const decision = await page.$eval('pg-decision-view', (el) => el.textContent);
      if (tag === 'rc-client-response' || tag === 'rc-team-queue')
        assert.doesNotMatch(decision, /Explanation trace/, `${tag} makes no decision`);
      else assert.match(decision, /Explanation trace/, `${tag} decision`);
      assert.deepEqual(errors, [], tag);
      await page.close();
    }
  });

  it("availability's sessions open their flow on the same host state", async () => {
    const { page, errors } = await open('?widget=rc-availability');
    await page.waitForFunction(() => document.querySelector('rc-availability')?.getAttribute('state') === 'ready', {
      timeout: 20_000,
    });
    await page.$eval('rc-availability', (el) => {
      const until = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="until"]')!;
      until.value = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
      until.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(
      () =>
        document.querySelector('rc-availability')!.shadowRoot!.querySelectorAll('[part~="session-action"]').length > 0,
      { timeout: 10_000 },
    );
    await click(page, 'rc-availability', '[part~="session-action"]');
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'ready', {
      timeout: 10_000,
    });
    assert.equal(await page.$eval('rc-cancel-session', (el) => el.getAttribute('session-id')), 'ses-1');
    assert.equal(await page.$eval('select[name="scenario"]', (el) => el.value), 'extended-absence');
    assert.equal(await page.$eval('select[name="subject"]', (el) => el.value), 'ses-1', 'the session control follows');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("the client's view shows each offer of the scenario, and the address keeps the one picked", async () => {
    const { page, errors } = await open('?widget=rc-client-response');
    await page.waitForFunction(() => document.querySelector('rc-client-response')?.getAttribute('state') === 'ready', {
      timeout: 20_000,
    });
    const offers = await page.$$eval('select[name="subject"] option', (options) => options.map((o) => o.value));
    assert.deepEqual(offers, ['offer-open', 'offer-expired', 'offer-answered']);
    // The host keeps only the offers' hashes: each link's token is the scenario's, never its name.
    const tokens = new Set([await page.$eval('rc-client-response', (el) => el.getAttribute('token'))]);
    for (const [subject, says] of [
      ['offer-expired', 'This offer closed on'],
      ['offer-answered', 'You have already booked'],
    ] as const) {
      await page.select('select[name="subject"]', subject);
      await page.waitForFunction(
        (s) =>
          document.querySelector('rc-client-response')?.getAttribute('state') === 'ready' &&
          document.querySelector('rc-client-response')!.shadowRoot!.textContent.includes(s),
        { timeout: 10_000 },
        says,
      );
      assert.match(page.url(), new RegExp(`subject=${subject}`));
      tokens.add(await page.$eval('rc-client-response', (el) => el.getAttribute('token')));
    }
    assert.equal(tokens.size, 3, 'each offer has its own token');
    for (const token of tokens) assert.match(token ?? '', /^[\w-]{22,}$/, 'a capability token, not a name');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('rc-client-response')?.getAttribute('state') === 'ready', {
      timeout: 20_000,
    });
    assert.equal(await page.$eval('select[name="subject"]', (el) => el.value), 'offer-answered');
    assert.match(await widgetText(page, 'rc-client-response'), /You have already booked/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("the team's queue acts as the team: it lists the scenario's open requests and approves a new client's refund", async () => {
    const { page, errors } = await open('?widget=rc-team-queue');
    await page.waitForFunction(() => document.querySelector('rc-team-queue')?.getAttribute('state') === 'ready', {
      timeout: 20_000,
    });
    assert.equal(await page.$eval('select[name="scenario"]', (el) => el.value), 'team-queue');
    const kinds = await page.$eval('rc-team-queue', (el) =>
      [...el.shadowRoot!.querySelectorAll('[part~="request"] [part~="kind"]')].map((k) => k.textContent),
    );
    assert.deepEqual([...kinds].sort(), ['Extended absence', "New client's refund", 'Other', 'Started session']);
    await page.$eval('rc-team-queue', (el) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="open-request"]')]
        .find((b) => b.textContent.includes("New client's refund"))!
        .click(),
    );
    await page.waitForFunction(() => document.querySelector('rc-team-queue')?.getAttribute('state') === 'detail', {
      timeout: 10_000,
    });
    await click(page, 'rc-team-queue', '[part~="action"] input');
    await click(page, 'rc-team-queue', '[part~="continue"]');
    await page.waitForFunction(() => document.querySelector('rc-team-queue')?.getAttribute('state') === 'confirming', {
      timeout: 10_000,
    });
    await click(page, 'rc-team-queue', '[part~="submit"]');
    await page.waitForFunction(() => document.querySelector('rc-team-queue')?.getAttribute('state') === 'done', {
      timeout: 10_000,
    });
    assert.match(await widgetText(page, 'rc-team-queue'), /Refund of £65\.00 issued/);

    await page.click('#tab-host');
    const rows = await page.$$eval('pg-host-log tbody tr', (trs) =>
      trs.map((tr) => `${tr.querySelector('code')!.textContent} ${tr.children[1]!.textContent}`),
    );
    assert.ok(
      rows.some((row) => /^POST \/team-requests\/[\w-]+\/resolution 200$/.test(row)),
      rows.join('\n'),
    );
    assert.match(
      await page.$eval('pg-host-log', (el) => el.textContent.replace(/\s+/g, ' ')),
      /rc-resolution-submit[\s\S]*rc-resolution-success/,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('rearranging completes, and a scenario’s facts can be changed with the controls', async () => {
    const { page, errors } = await open('?widget=rc-reschedule-session');
    await page.waitForFunction(
      () => document.querySelector('rc-reschedule-session')?.getAttribute('state') === 'ready',
      { timeout: 20_000 },
    );
    await click(page, 'rc-reschedule-session', '[part~="slot"] input');
    await click(page, 'rc-reschedule-session', '[part~="submit"]');
    await page.waitForFunction(
      () => document.querySelector('rc-reschedule-session')?.getAttribute('state') === 'success',
      { timeout: 10_000 },
    );

    // Two hours to go: the policy adds SMS and a phone call.
    await page.$eval('input[name="hoursUntilStart"]', (el) => {
      el.value = '2';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction(
      () => document.querySelector('rc-reschedule-session')?.getAttribute('state') === 'ready',
      { timeout: 10_000 },
    );
    assert.match(
      await widgetText(page, 'rc-reschedule-session'),
      /told now by email, text message, and a phone call\./,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('an invalid rule edit shows its error and keeps the last good rules; a valid file loaded from disk changes the decision', async () => {
    const { page, errors } = await open();
    await page.waitForFunction(() => document.querySelector('rc-cancel-session')?.getAttribute('state') === 'ready', {
      timeout: 20_000,
    });
    await page.click('#tab-rules');
    await page.waitForSelector('pg-rule-editor .monaco-editor', { timeout: 20_000 });

    // Typed into the editor: a stray character at the end of the file.
    await page.click('pg-rule-editor .monaco-editor .view-lines');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type('x');
    await page.waitForSelector('pg-rule-editor .pg-problems', { timeout: 5000 });
    assert.match(
      await page.$eval('pg-rule-editor .pg-problems', (el) => el.textContent),
      /frequency-thresholds\.json \$: JSON syntax/,
    );
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => !document.querySelector('pg-rule-editor .pg-problems'), { timeout: 5000 });

    // A value the schema refuses: named by its path; the widget keeps deciding with the last good rules.
    const files = defaultRuleFiles as Record<
      string,
      { rules: { id: string; event: { params: Record<string, unknown> } }[] }
    >;
    const broken = structuredClone(files['session-changes.json']!);
    broken.rules.find((r) => r.id === 'offer-alternatives-on-cancel')!.event.params.minSlots = 'two';
    await page.$eval(
      'pg-rule-editor',
      (el, text) => el.setText('session-changes.json', text),
      JSON.stringify(broken, null, 2),
    );
    await page.waitForSelector('pg-rule-editor .pg-problems', { timeout: 5000 });
    assert.match(
      await page.$eval('pg-rule-editor .pg-problems', (el) => el.textContent.replace(/\s+/g, ' ')),
      /session-changes\.json \$\.rules\[\d+\]\.event\.params\.minSlots:/,
    );
    assert.match(await widgetText(page, 'rc-cancel-session'), /Offer at least 2 other times/);

    // A valid file from disk: three alternatives.
    const stricter = structuredClone(files['session-changes.json']!);
    stricter.rules.find((r) => r.id === 'offer-alternatives-on-cancel')!.event.params.minSlots = 3;
    const dir = await mkdtemp(join(tmpdir(), 'rules-'));
    await writeFile(join(dir, 'session-changes.json'), JSON.stringify(stricter, null, 2));
    const input = await page.$('pg-rule-editor input[type="file"]');
    await input!.uploadFile(join(dir, 'session-changes.json'));
    await page.waitForFunction(
      () =>
        document.querySelector('rc-cancel-session')?.shadowRoot?.textContent.includes('Offer at least 3 other times'),
      { timeout: 5000 },
    );
    assert.equal(await page.$('pg-rule-editor .pg-problems'), null);
    assert.match(await page.$eval('pg-decision-view', (el) => el.textContent), /at least 3 within 14 days/);

    // Compare: the edited rules against the defaults, over every scenario.
    await page.click('#tab-compare');
    await page.waitForFunction(
      () => /decisions change/.test(document.querySelector('.pg-compare-summary')?.textContent ?? ''),
      { timeout: 5000 },
    );
    const compare = await page.$eval('pg-compare-view', (el) => el.textContent.replace(/\s+/g, ' '));
    assert.match(compare, /alternatives: at least 2 within 14 days → at least 3 within 14 days/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
