// What a partner installing from npm gets, checked on every package: publint (package.json fields,
// exports, files in the tarball) and @arethetypeswrong/cli (types resolve for every entry point,
// for Node ESM and bundlers: the packages are ESM only, so CommonJS resolutions are not checked).
// Each tool packs the package with `npm pack` itself; build first. Prints a tool's report only
// when it fails; exits 1 naming each package and tool that failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Entry points that are not modules to import (a service worker script served as a file). */
const NOT_MODULES = { '@raincheck/mock-host': ['./mockServiceWorker.js'] };

const packages = readdirSync('packages')
  .map((name) => join('packages', name))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name }));

const failures = [];
for (const { dir, name } of packages) {
  const skip = NOT_MODULES[name] ?? [];
  const checks = [
    ['publint', ['publint', 'run', '.', '--strict', '--pack', 'npm']],
    [
      'attw',
      [
        'attw',
        '--pack',
        '.',
        '--profile',
        'esm-only',
        '--format',
        'ascii',
        '--no-emoji',
        '--no-color',
        ...(skip.length ? ['--exclude-entrypoints', ...skip] : []),
      ],
    ],
  ];
  for (const [tool, args] of checks) {
    const result = spawnSync('npx', ['--no-install', ...args], { cwd: dir, encoding: 'utf8' });
    if (result.status === 0) {
      console.log(`✔ ${tool} ${name}`);
    } else {
      console.error(`✘ ${tool} ${name} (${dir}):\n${result.stdout}${result.stderr}`);
      failures.push(`${tool} ${name}`);
    }
  }
}
if (failures.length > 0) {
  console.error(`\nPackage checks failed: ${failures.join(', ')}`);
  process.exit(1);
}
