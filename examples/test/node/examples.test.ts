// The examples as a partner runs them, from the packed tarballs (`npm pack` of every package,
// built first) installed into a fresh folder with npm from its local cache: the packages' own
// checks there, `npx raincheck validate` on the shipped rules, the Express server mounting the
// reference host with its token endpoint, its plain HTML page (script-tag build) and its React
// page each completing a cancellation in Chromium, and the bundler and script-tag routes on the
// mock host.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import ts from 'typescript';
import { completeCancel, launchChromium, openPartnerPage } from '../shared/partner-browser.js';
import { mockHostScript } from '../shared/mock-host-script.js';
import { checkManifestPaths, checkShippedRules, checkWorkerScript, typeErrors } from '../shared/package-checks.js';
import { scriptTagSite } from '../shared/script-tag-site.js';

const repository = new URL('../../../', import.meta.url).pathname;
const examples = `${repository}examples`;
const PACKAGES = ['policy', 'host-api', 'host', 'mock-host', 'elements', 'react'];

/** Runs a command to completion; fails the test with its output when it fails. */
function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Packs every package, and installs the tarballs with the examples' own dependencies in `folder`. */
function installPartnerFolder(folder: string): void {
  for (const name of PACKAGES) assert.ok(existsSync(`${repository}packages/${name}/dist`), `packages/${name}/dist is missing: npm run build first`);
  const tarballs = join(folder, 'tarballs');
  mkdirSync(tarballs);
  run('npm', ['pack', '--silent', '--pack-destination', tarballs, ...PACKAGES.flatMap((name) => ['-w', `packages/${name}`])], repository);
  for (const part of ['package.json', 'html-site', 'express-host', 'react-page']) cpSync(join(examples, part), join(folder, part), { recursive: true, filter: (path) => !path.includes('/dist') });
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const file of readdirSync(tarballs)) {
    const name = /^raincheck-([\w-]+)-\d/.exec(file)?.[1];
    assert.ok(name, `unexpected tarball ${file}`);
    // Every @raincheck package from its tarball, the ones the examples only reach through others too.
    manifest.dependencies[`@raincheck/${name}`] = `file:tarballs/${file}`;
  }
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], folder);
  // One copy of each, the tarball's: none fetched from a registry under the same name and version.
  for (const name of PACKAGES) {
    const installed = join(folder, 'node_modules/@raincheck', name);
    assert.ok(existsSync(join(installed, 'README.md')) && existsSync(join(installed, 'LICENSE')), `@raincheck/${name}: README.md and LICENSE`);
    assert.ok(!existsSync(join(installed, 'node_modules/@raincheck')), `@raincheck/${name} has nested @raincheck packages`);
  }
}

/** Starts the example server; resolves with its address once it listens. */
async function startServer(folder: string): Promise<{ url: string; process: ChildProcess }> {
  // PGlite in memory: without DATABASE_URL, so the example never writes to a PostgreSQL the tests share.
  const { DATABASE_URL: _shared, ...env } = process.env;
  const child = spawn(process.execPath, ['express-host/server.mjs'], { cwd: folder, env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the example server did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve(address);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the example server exited (${code}):\n${output}`)));
  });
  return { url, process: child };
}

/** Opens a page of the running server, recording page errors. */
async function openServerPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, errors };
}

let folder: string;
let browser: Browser;
let server: { url: string; process: ChildProcess } | undefined;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'raincheck-partner-'));
  installPartnerFolder(folder);
  run(process.execPath, ['react-page/build.mjs'], folder);
  browser = await launchChromium();
});
after(async () => {
  server?.process.kill('SIGTERM');
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('examples, from the packed tarballs in a fresh folder', () => {
  it('the installed packages: entry types, manifest paths, shipped rules and their $schema, the worker script', () => {
    const modules = join(folder, 'node_modules');
    cpSync(`${examples}/test/fixtures/typed-entries.ts`, join(folder, 'typed-entries.ts'));
    assert.deepEqual(typeErrors(folder, [join(folder, 'typed-entries.ts'), join(folder, 'react-page/src/main.tsx')], { jsx: ts.JsxEmit.ReactJSX }), []);
    checkManifestPaths(join(modules, '@raincheck/elements'));
    checkShippedRules(join(modules, '@raincheck/policy'));
    const mockHost = join(modules, '@raincheck/mock-host');
    checkWorkerScript(mockHost, existsSync(join(mockHost, 'node_modules/msw')) ? join(mockHost, 'node_modules/msw') : join(modules, 'msw'));
  });

  it('npx raincheck validate and test the rules the policy package ships', () => {
    assert.match(run('npx', ['--no-install', 'raincheck', 'validate', 'node_modules/@raincheck/policy/rules'], folder), /5 rule file\(s\), \d+ rules: valid/);
    assert.match(run('npx', ['--no-install', 'raincheck', 'test', 'node_modules/@raincheck/policy/rules'], folder), /\b51 passed, 0 failed/);
  });

  it('the Express server mounts the reference host and mints tokens: the plain HTML page cancels a session', async () => {
    server = await startServer(folder);
    const { page, errors } = await openServerPage(browser, `${server.url}/`);
    await completeCancel(page);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Session cancelled', { timeout: 5000 });
    // The reference host has it: read back through the API with a token from the example's endpoint.
    const { token } = (await (await fetch(`${server.url}/raincheck-token`)).json()) as { token: string };
    const answer = (await (await fetch(`${server.url}/raincheck/sessions/ses-1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { session: { status: string } };
    assert.equal(answer.session.status, 'cancelled');
    assert.deepEqual(errors, []);
  });

  it('the React page, on the same server, cancels another session', async () => {
    assert.ok(server, 'the server test runs first');
    const { page, errors } = await openServerPage(browser, `${server.url}/react/`);
    await completeCancel(page);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Session cancelled', { timeout: 5000 });
    assert.deepEqual(errors, []);
  });

  it('a bundler route: @raincheck/elements/define bundled by esbuild, on the mock host', async () => {
    // As the elements README shows it: the registration entry, the provider configured by property.
    const bundled = await build({
      stdin: {
        contents: `import '@raincheck/elements/define';
          import { createMockHost } from '@raincheck/mock-host';
          const host = createMockHost({ scenario: 'ordinary-cancellation' });
          const provider = document.querySelector('rc-provider');
          provider.fetch = host.fetchAt('https://partner.test/api');
          provider.getAccessToken = () => host.token('therapist');`,
        resolveDir: folder,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const html = '<!doctype html><html lang="en"><body><rc-provider base-url="https://partner.test/api"><rc-cancel-session session-id="ses-1"></rc-cancel-session></rc-provider><script type="module" src="/app.js"></script></body></html>';
    const site = (path: string) =>
      path === '/' ? { body: html, contentType: 'text/html' } : path === '/app.js' ? { body: bundled.outputFiles[0]!.text, contentType: 'text/javascript' } : undefined;
    const { page, errors } = await openPartnerPage(browser, site);
    await completeCancel(page);
    assert.deepEqual(errors, []);
  });

  it('the installed script-tag build on a plain page with the mock host', async () => {
    const scriptTag = join(folder, 'node_modules/@raincheck/elements/dist/script-tag');
    const { page, errors } = await openPartnerPage(browser, scriptTagSite(scriptTag, await mockHostScript(folder, { baseUrl: 'https://partner.test/api' })));
    await completeCancel(page);
    assert.deepEqual(errors, []);
  });
});
