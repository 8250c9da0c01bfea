// `npm test`: build, package checks (publint, attw), typecheck, lint, Node unit tests, rule fixtures, then browser tests in Chromium.
// Stops at the first failing step and says which.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, INSTALL_HINT } from './find-chromium.mjs';

// The playground and the examples are tested like packages: their own tsconfig and Node tests
// (which drive them in Chromium).
const packages = [...readdirSync('packages').map((name) => join('packages', name)), 'playground', 'examples'];

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .filter((file) => String(file).endsWith('.test.ts'))
    .map((file) => join(dir, String(file)))
    .sort();
}

const nodeTests = packages.flatMap((pkg) => testFiles(join(pkg, 'test', 'node')));
const tsconfigs = ['tsconfig.json', ...packages.map((pkg) => join(pkg, 'tsconfig.json')).filter(existsSync)];

const steps = [
  ['build', 'npm', ['run', 'build', '--silent']],
  ['packages: publint + attw', process.execPath, ['scripts/check-packages.mjs']],
  ...tsconfigs.map((config) => [`typecheck ${config}`, 'npx', ['tsc', '-p', config, '--noEmit']]),
  ['lint', 'npx', ['eslint', '.']],
  ['format (Prettier)', 'npx', ['prettier', '--check', '.']],
  ['rules: validate', 'npx', ['raincheck', 'validate', 'rules']],
  ['rules: fixtures', 'npx', ['raincheck', 'test', 'rules']],
  ['node tests', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeTests]],
  ['browser tests (Chromium)', 'npx', ['web-test-runner']],
  [
    "browser tests on Lit's dev build (fails on any Lit dev warning)",
    'npx',
    ['web-test-runner', '--config', 'web-test-runner.dev.config.mjs'],
  ],
];

for (const [name, command, args] of steps) {
  if (name.startsWith('browser') && !findChromium()) {
    console.error(`\n✘ ${name}: ${INSTALL_HINT}`);
    process.exit(1);
  }
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✘ ${name} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\nAll checks passed.');
