// The examples as a partner runs them, from the packed tarballs (`npm pack` of every package,
// built first) installed into a fresh folder with npm from its local cache: the packages' own
// checks there, `npx raincheck validate` on the shipped rules and `npx raincheck conformance
// --list`, the Express server mounting the reference host with its token endpoint, its plain HTML
// page (script-tag build) and its React page each completing a cancellation in Chromium, the
// bundler and script-tag routes on the mock host, and each package README's example as written,
// read from the installed package.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build, transform } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import ts from 'typescript';
import { completeCancel, launchChromium, openPartnerPage } from '../shared/partner-browser.js';
import { mockHostScript } from '../shared/mock-host-script.js';
import {
  checkDefaultRules,
  checkManifestPaths,
  checkReadmeLinks,
  checkShippedRules,
  checkWorkerScript,
  typeErrors,
} from '../shared/package-checks.js';
import { readmeBlock } from '../shared/readme-examples.js';
import { scriptTagSite } from '../shared/script-tag-site.js';

const repository = new URL('../../../', import.meta.url).pathname;
const examples = `${repository}examples`;
const PACKAGES = ['policy', 'host-api', 'host', 'mock-host', 'elements', 'react', 'conformance'];

/** Runs a command to completion; fails the test with its output when it fails. */
function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  assert.equal(
    result.status,
    0,
    `${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`,
  );
  return result.stdout;
}

/** Packs every package, and installs the tarballs with the examples' own dependencies in `folder`. */
function installPartnerFolder(folder: string): void {
  for (const name of PACKAGES)
    assert.ok(
      existsSync(`${repository}packages/${name}/dist`),
      `packages/${name}/dist is missing: npm run build first`,
    );
  const tarballs = join(folder, 'tarballs');
  mkdirSync(tarballs);
  run(
    'npm',
    ['pack', '--silent', '--pack-destination', tarballs, ...PACKAGES.flatMap((name) => ['-w', `packages/${name}`])],
    repository,
  );
  for (const part of ['package.json', 'html-site', 'express-host', 'react-page'])
    cpSync(join(examples, part), join(folder, part), { recursive: true, filter: (path) => !path.includes('/dist') });
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
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
    assert.ok(
      existsSync(join(installed, 'README.md')) && existsSync(join(installed, 'LICENSE')),
      `@raincheck/${name}: README.md and LICENSE`,
    );
    assert.ok(
      !existsSync(join(installed, 'node_modules/@raincheck')),
      `@raincheck/${name} has nested @raincheck packages`,
    );
  }
}

/** Starts the example server; resolves with its address once it listens. */
async function startServer(folder: string): Promise<{ url: string; process: ChildProcess }> {
  // PGlite in memory: without DATABASE_URL, so the example never writes to a PostgreSQL the tests share.
  const { DATABASE_URL: _shared, ...env } = process.env;
  const child = spawn(process.execPath, ['express-host/server.mjs'], {
    cwd: folder,
    env: { ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
let readmeServer: { url: string; process: ChildProcess } | undefined;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'raincheck-partner-'));
  installPartnerFolder(folder);
  run(process.execPath, ['react-page/build.mjs'], folder);
  browser = await launchChromium();
});
after(async () => {
  server?.process.kill('SIGTERM');
  readmeServer?.process.kill('SIGTERM');
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('examples, from the packed tarballs in a fresh folder', () => {
  it('the installed packages: entry types, manifest paths, shipped rules and their $schema, the worker script', () => {
    const modules = join(folder, 'node_modules');
    cpSync(`${examples}/test/fixtures/typed-entries.ts`, join(folder, 'typed-entries.ts'));
    assert.deepEqual(
      typeErrors(folder, [join(folder, 'typed-entries.ts'), join(folder, 'react-page/src/main.tsx')], {
        jsx: ts.JsxEmit.ReactJSX,
      }),
      [],
    );
    checkManifestPaths(join(modules, '@raincheck/elements'));
    checkShippedRules(join(modules, '@raincheck/policy'));
    // The default rules as a program reads them, through the installed @raincheck/policy/rules.
    const read = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { defaultRuleFiles } from '@raincheck/policy/rules'; console.log(JSON.stringify(defaultRuleFiles));",
      ],
      folder,
    );
    checkDefaultRules(join(modules, '@raincheck/policy'), JSON.parse(read) as Record<string, unknown>);
    const mockHost = join(modules, '@raincheck/mock-host');
    checkWorkerScript(
      mockHost,
      existsSync(join(mockHost, 'node_modules/msw')) ? join(mockHost, 'node_modules/msw') : join(modules, 'msw'),
    );
  });

  it('npx raincheck validate and test the rules the policy package ships', () => {
    assert.match(
      run('npx', ['--no-install', 'raincheck', 'validate', 'node_modules/@raincheck/policy/rules'], folder),
      /5 rule file\(s\), \d+ rules: valid/,
    );
    assert.match(
      run('npx', ['--no-install', 'raincheck', 'test', 'node_modules/@raincheck/policy/rules'], folder),
      /\b51 passed, 0 failed/,
    );
  });

  it('npx raincheck conformance --list, from the installed @raincheck/conformance', () => {
    const checks = run('npx', ['--no-install', 'raincheck', 'conformance', '--list'], folder).trim().split('\n');
    assert.ok(checks.length >= 20, `${checks.length} checks listed:\n${checks.join('\n')}`);
    for (const id of ['contract.reads', 'idempotency.replay', 'identities.no-token'])
      assert.ok(
        checks.some((line) => line.startsWith(`${id}\t`)),
        `${id} is listed`,
      );
  });

  it('the Express server mounts the reference host and mints tokens: the plain HTML page cancels a session', async () => {
    server = await startServer(folder);
    const { page, errors } = await openServerPage(browser, `${server.url}/`);
    await completeCancel(page);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Session cancelled', {
      timeout: 5000,
    });
    // The reference host has it: read back through the API with a token from the example's endpoint.
    const { token } = (await (await fetch(`${server.url}/raincheck-token`)).json()) as { token: string };
    const answer = (await (
      await fetch(`${server.url}/raincheck/sessions/ses-1`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { session: { status: string } };
    assert.equal(answer.session.status, 'cancelled');
    // The rules it serves are the default rules, their $schema resolving in the installed package.
    const rules = (await (
      await fetch(`${server.url}/raincheck/policy/rules`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { files: Record<string, unknown> };
    checkDefaultRules(join(folder, 'node_modules/@raincheck/policy'), rules.files);
    assert.deepEqual(errors, []);
  });

  it('the React page, on the same server, cancels another session', async () => {
    assert.ok(server, 'the server test runs first');
    const { page, errors } = await openServerPage(browser, `${server.url}/react/`);
    await completeCancel(page);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Session cancelled', {
      timeout: 5000,
    });
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
    const html =
      '<!doctype html><html lang="en"><body><rc-provider base-url="https://partner.test/api"><rc-cancel-session session-id="ses-1"></rc-cancel-session></rc-provider><script type="module" src="/app.js"></script></body></html>';
    const site = (path: string) =>
      path === '/'
        ? { body: html, contentType: 'text/html' }
        : path === '/app.js'
          ? { body: bundled.outputFiles[0]!.text, contentType: 'text/javascript' }
          : undefined;
    const { page, errors } = await openPartnerPage(browser, site);
    await completeCancel(page);
    assert.deepEqual(errors, []);
  });

  it('the installed script-tag build on a plain page with the mock host', async () => {
    const scriptTag = join(folder, 'node_modules/@raincheck/elements/dist/script-tag');
    const { page, errors } = await openPartnerPage(
      browser,
      scriptTagSite(scriptTag, await mockHostScript(folder, { baseUrl: 'https://partner.test/api' })),
    );
    await completeCancel(page);
    assert.deepEqual(errors, []);
  });
});

describe("each package README's example, as written, read from the installed package", () => {
  const readme = (name: string) => join(folder, 'node_modules/@raincheck', name, 'README.md');
  /** A README's TypeScript written into the partner's folder as `file` (so it resolves the installed packages). */
  const write = (file: string, code: string) => {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), code);
    return join(folder, file);
  };
  /** `entry` bundled for the browser as a partner's bundler does it. */
  const bundle = async (entry: string) =>
    (
      await build({
        entryPoints: [entry],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        write: false,
        logLevel: 'silent',
      })
    ).outputFiles[0]!.text;
  /** A page of the README's markup, loading the partner's bundle. */
  const page = (markup: string, script: string) =>
    `<!doctype html><html lang="en"><body>${markup}<div id="root"></div><script type="module" src="${script}"></script></body></html>`;

  it('no README links to where nothing is once installed', () => {
    for (const name of PACKAGES) checkReadmeLinks(join(folder, 'node_modules/@raincheck', name));
  });

  it("@raincheck/policy: rule files copied to ./rules, with the README's $schema, validate and find their schema", () => {
    const advised = /"\$schema": "(\.\.\/node_modules\/[^"]+)"/.exec(readFileSync(readme('policy'), 'utf8'))?.[1];
    assert.ok(advised, 'the policy README says what $schema a copy in ./rules takes');
    cpSync(join(folder, 'node_modules/@raincheck/policy/rules'), join(folder, 'rules'), { recursive: true });
    const file = join(folder, 'rules/session-changes.json');
    writeFileSync(
      file,
      JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), $schema: advised }, null, 2),
    );
    assert.equal(
      resolve(join(folder, 'rules'), advised),
      join(folder, 'node_modules/@raincheck/policy/schema/rule-file.schema.json'),
    );
    assert.match(
      run('npx', ['--no-install', 'raincheck', 'validate', 'rules'], folder),
      /5 rule file\(s\), \d+ rules: valid/,
    );
  });

  it('the TypeScript examples type-check against the installed packages (strict)', () => {
    const files = [
      write('readme/policy.ts', readmeBlock(readme('policy'), 'Example', 'ts')),
      write('readme/host-api.ts', readmeBlock(readme('host-api'), 'Example', 'ts')),
      write('readme/mock-host.ts', readmeBlock(readme('mock-host'), 'Example', 'ts')),
      write('readme/elements.ts', readmeBlock(readme('elements'), 'With a bundler (Vite, webpack, esbuild …)', 'ts')),
      write('readme/react.tsx', readmeBlock(readme('react'), 'Example', 'tsx')),
    ];
    assert.deepEqual(typeErrors(folder, files, { jsx: ts.JsxEmit.ReactJSX }), []);
  });

  it('@raincheck/policy: the example decides, and says why', async () => {
    const script = write(
      'readme/policy.mjs',
      (await transform(readmeBlock(readme('policy'), 'Example', 'ts'), { loader: 'ts' })).code,
    );
    const [outcome, ...why] = run(process.execPath, [script], folder).split('\n');
    assert.equal(outcome, 'allowed');
    assert.match(why.join('\n'), /[A-Z][^']+\./, "the fired rules' sentences");
  });

  it('@raincheck/mock-host: the example completes a cancellation on the mock host', async () => {
    const markup = readmeBlock(readme('mock-host'), 'Example', 'html');
    const app = await bundle(write('readme/mock-host.ts', readmeBlock(readme('mock-host'), 'Example', 'ts')));
    const site = (path: string) =>
      path === '/'
        ? { body: page(markup, '/app.js'), contentType: 'text/html' }
        : path === '/app.js'
          ? { body: app, contentType: 'text/javascript' }
          : undefined;
    const { page: tab, errors } = await openPartnerPage(browser, site);
    await completeCancel(tab);
    assert.deepEqual(errors, []);
  });

  it('@raincheck/elements and @raincheck/react: the examples complete cancellations on the reference host the Express server mounts', async () => {
    // A server of its own (fresh demo data), serving the pages from its static folder.
    readmeServer = await startServer(folder);
    const elementsSection = 'With a bundler (Vite, webpack, esbuild …)';
    write(
      'html-site/readme-elements/index.html',
      page(readmeBlock(readme('elements'), elementsSection, 'html'), './app.js'),
    );
    write(
      'html-site/readme-elements/app.js',
      await bundle(write('readme/elements.ts', readmeBlock(readme('elements'), elementsSection, 'ts'))),
    );
    const elements = await openServerPage(browser, `${readmeServer.url}/readme-elements/`);
    await completeCancel(elements.page);
    assert.deepEqual(elements.errors, []);

    // The README's component, rendered for another session; its submit asks `confirm()` first.
    write('readme/react.tsx', readmeBlock(readme('react'), 'Example', 'tsx'));
    const main = write(
      'readme/react-main.tsx',
      "import { createRoot } from 'react-dom/client';\nimport { CancelPage } from './react.js';\ncreateRoot(document.getElementById('root')!).render(<CancelPage sessionId=\"ses-2\" />);\n",
    );
    write('html-site/readme-react/index.html', page('', './app.js'));
    write('html-site/readme-react/app.js', await bundle(main));
    const react = await openServerPage(browser, `${readmeServer.url}/readme-react/`);
    const asked: string[] = [];
    react.page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await completeCancel(react.page);
    assert.deepEqual(asked, ['Cancel this session?']);
    assert.deepEqual(react.errors, []);
  });
});
