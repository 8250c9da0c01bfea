// The browser tests again on Lit's development build, failing on any Lit dev warning (Spectrum's
// testForLitDevWarnings idea): a warning Lit only gives in dev mode (an update scheduled after an
// update, a class field shadowing a property, a migration) is a mistake the production build hides.
import base from './web-test-runner.config.mjs';

/** Runs before the test framework: any Lit dev warning fails the test file that caused it. */
const trapLitDevWarnings = `
  // Lit says once that it is in dev mode; that is the point of this run, not a finding.
  globalThis.litIssuedWarnings = new Set(['dev-mode']);
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    const text = args.map(String).join(' ');
    warn(...args);
    if (text.includes('lit.dev/msg/')) {
      (globalThis.litDevWarnings ??= []).push(text);
      throw new Error('Lit dev warning: ' + text);
    }
  };
`;

export default {
  ...base,
  files: ['packages/elements/test/browser/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html><body>
      <script>${trapLitDevWarnings}</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
};
