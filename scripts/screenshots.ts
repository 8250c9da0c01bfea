// npm run screenshots [-- <filter>]: every widget of the registry in every state a person meets, on the mock host with
// the default rules, in light and dark, English and German, 360 px and 1024 px wide, as PNGs in screenshots/
// (<n>-<widget>.<nn>-<state>.<width>.<scheme>.<language>.png, so they sort by widget and state), plus one sheet per
// widget, state and width with the four schemes and languages side by side (screenshots/sheets/) for looking,
// and screenshots/report.txt listing what sticks out of the screen. One Chromium, one page reused: each state is
// reached once per language, then shot at both widths in both schemes.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer, { type Page } from 'puppeteer-core';
import { findChromium, INSTALL_HINT } from './find-chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'screenshots');
const filter = process.argv[2] ?? '';
const WIDTHS = [360, 1024] as const;
const SCHEMES = ['light', 'dark'] as const;
const LANGUAGES = [
  { short: 'en', locale: 'en-GB' },
  { short: 'de', locale: 'de-DE' },
] as const;

interface Listed {
  readonly tag: string;
  readonly folder: string;
  readonly states: readonly string[];
}

const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

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
const address = server.server?.address();
const port = typeof address === 'object' && address ? address.port : 0;
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--lang=en-GB'],
});

const started = Date.now();
const report: string[] = [];
let shots = 0;
try {
  // A filtered run replaces only its own images.
  if (!filter) rmSync(out, { recursive: true, force: true });
  mkdirSync(resolve(out, 'sheets'), { recursive: true });
  for (const dir of [out, resolve(out, 'sheets')])
    for (const file of readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile() && f.name.includes(filter)))
      rmSync(resolve(dir, file.name));
  const page = await browser.newPage();
  page.on('pageerror', (error) => report.push(`page error: ${String(error)}`));
  await page.setViewport({ width: WIDTHS[0], height: 800 });
  await page.goto(`http://localhost:${port}/scripts/screenshots/index.html`);
  await page.waitForFunction(() => 'rcShots' in window, { timeout: 60_000 });
  const widgets = await page.evaluate(() => window.rcShots.list());

  for (const [w, widget] of (widgets as Listed[]).entries()) {
    for (const [s, state] of widget.states.entries()) {
      const stem = `${w + 1}-${widget.folder}.${String(s + 1).padStart(2, '0')}-${state}`;
      if (!stem.includes(filter)) continue;
      const files: string[] = [];
      for (const language of LANGUAGES) {
        await page.emulateMediaFeatures([
          { name: 'prefers-color-scheme', value: 'light' },
          { name: 'prefers-reduced-motion', value: 'reduce' },
        ]);
        await page.setViewport({ width: WIDTHS[0], height: 800 });
        try {
          await page.evaluate(
            (tag, name, locale) => window.rcShots.show(tag as never, name, locale),
            widget.tag,
            state,
            language.locale,
          );
        } catch (error) {
          report.push(`${stem} ${language.short}: could not reach the state: ${(error as Error).message}`);
          continue;
        }
        for (const width of WIDTHS) {
          await page.setViewport({ width, height: 800 });
          for (const scheme of SCHEMES) {
            await page.emulateMediaFeatures([
              { name: 'prefers-color-scheme', value: scheme },
              { name: 'prefers-reduced-motion', value: 'reduce' },
            ]);
            const file = `${stem}.${width}.${scheme}.${language.short}.png`;
            await page.screenshot({ path: resolve(out, file), fullPage: true });
            files.push(file);
            shots++;
          }
          for (const problem of await page.evaluate(() => window.rcShots.overflow()))
            report.push(`${stem} ${width} px ${language.short}: ${problem}`);
        }
      }
      await writeSheets(page, stem, files);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
writeFileSync(resolve(out, filter ? `report-${filter}.txt` : 'report.txt'), report.join('\n') + '\n');
console.log(`${shots} screenshots in ${out} (${Math.round((Date.now() - started) / 1000)} s)`);
if (report.length > 0) console.log(`${report.length} findings in screenshots/report.txt:\n${report.join('\n')}`);

/** One image per width with the four schemes and languages side by side, to look at together. */
async function writeSheets(page: Page, stem: string, files: readonly string[]): Promise<void> {
  for (const width of WIDTHS) {
    const row = files.filter((f) => f.includes(`.${width}.`));
    if (row.length === 0) continue;
    const sheet = await page.browser().newPage();
    const scale = width > 400 ? 0.5 : 1;
    await sheet.setViewport({ width: Math.round(row.length * (width * scale + 8)), height: 400 });
    const images = row
      .map(
        (f) =>
          `<figure><figcaption>${f.replace(`${stem}.`, '')}</figcaption><img src="http://localhost:${port}/screenshots/${f}" width="${width * scale}"></figure>`,
      )
      .join('');
    await sheet.setContent(
      `<style>body{margin:0;display:flex;align-items:flex-start;font:12px sans-serif}figure{margin:0 4px}</style>${images}`,
      { waitUntil: 'load' },
    );
    await sheet.screenshot({ path: resolve(out, 'sheets', `${stem}.${width}.png`), fullPage: true });
    await sheet.close();
  }
}
