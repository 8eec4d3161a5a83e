// ESLint flat config: @eslint/js + typescript-eslint recommended (not type-aware, to stay fast).
// The import arrows of DESIGN.md are checked by dependency-cruiser (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  setImmediate: 'readonly',
  structuredClone: 'readonly',
  fetch: 'readonly',
  globalThis: 'readonly',
};

const cjsGlobals = { module: 'writable', require: 'readonly', __dirname: 'readonly', __filename: 'readonly', exports: 'writable' };

export default tseslint.config(
  {
    ignores: ['web/dist/**', '**/node_modules/**', 'data/**', 'dist/**', 'coverage/**', '.tmp/**', 'test-results/**', 'bench/results/**', 'test/fixtures/**/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: nodeGlobals,
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'warn',
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Non-null assertions are used deliberately after a check the compiler cannot follow.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...cjsGlobals } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The browser bundle: DOM globals (TypeScript checks them; no-undef is off for .ts/.tsx).
    files: ['web/**/*.{js,jsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly' } },
  },
);
