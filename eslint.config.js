// @ts-check
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // babel-helpers.js is json-rules-engine's own Babel output, copied verbatim.
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'packages/policy/src/shims/babel-helpers.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'packages/*/src/shims/*.js', 'packages/*/bin/*.js'],
        },
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The policy runs unchanged in browsers and Node: no DOM, no network, no Node built-ins.
    files: ['packages/policy/src/**/*.ts'],
    ignores: ['packages/policy/src/node.ts', 'packages/policy/src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The policy package runs in browsers: Node built-ins belong in src/node.ts or src/cli.ts.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'fetch',
          'XMLHttpRequest',
          'localStorage',
          'sessionStorage',
          'navigator',
          'process',
          'Buffer',
        ].map((name) => ({
          name,
          message: 'The policy package imports no DOM, no fetch and nothing Node-only.',
        })),
      ],
    },
  },
  {
    // Components: Lit and web-component rules; no way to inject markup from strings.
    files: ['packages/elements/src/**/*.ts', 'playground/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
    plugins: { lit, wc },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...lit.configs['flat/recommended'].rules,
      ...wc.configs['flat/recommended']?.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML: widgets render only templates.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'No unsafeSVG.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'No innerHTML: widgets render only Lit templates.' },
        { property: 'outerHTML', message: 'No outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'No insertAdjacentHTML.' },
      ],
    },
  },
  {
    // Load phases: what a widget's first load ships may not pull in what loads once the policy has
    // decided (the engine, the decided-phase templates). Those arrive through one dynamic import()
    // of the widget's `*.decided.ts`; types may be imported anywhere.
    files: ['packages/elements/src/**/*.ts'],
    ignores: ['packages/elements/src/**/*.decided.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML: widgets render only templates.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'No unsafeSVG.' },
            {
              name: '@raincheck/policy',
              allowTypeImports: true,
              message:
                'The engine loads once the policy decides: import it from a *.decided.ts module (types are fine).',
            },
            {
              name: '@raincheck/policy/decide',
              allowTypeImports: true,
              message: 'The engine loads once the policy decides: import it from a *.decided.ts module.',
            },
            {
              name: '@raincheck/policy/rule-files',
              allowTypeImports: true,
              message: 'The validator loads on demand, from the decided phase.',
            },
          ],
          patterns: [
            {
              group: ['**/*.decided.js', '**/*.decided'],
              allowTypeImports: true,
              message:
                'A first-load module may not import a decided-phase module: load it with import() (types are fine).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/*/test/browser/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
    rules: {
      // chai's expect chains are typed as thenables here; what must be awaited is the axe check.
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement > CallExpression[callee.property.name='accessible']",
          message: 'await expect(el).to.be.accessible(): it is asynchronous.',
        },
      ],
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  {
    files: ['packages/*/test/**/*.ts', 'playground/test/**/*.ts', 'examples/test/**/*.ts'],
    rules: {
      // Tests reach into results they have just asserted the shape of.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: [
      'packages/*/test/node/**/*.ts',
      'packages/*/test/shared/**/*.ts',
      'playground/test/node/**/*.ts',
      'examples/test/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it'], package: 'node:test' }] },
      ],
    },
  },
);
