import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'storybook-static', 'demo/.cache', '.test-results', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      'wc/guard-super-call': 'off',
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod/mini',
              message: 'Import * as z from src/core/zod.js, and parse with z.EN: the library’s messages in English.',
            },
          ],
        },
      ],
    },
  },
  // Headings of a configurable level come from lit/static-html (<${tag}>), which these rules do not read.
  {
    files: ['src/components/assessment/lc-assessment.ts'],
    rules: { 'lit/binding-positions': 'off', 'lit/no-invalid-html': 'off' },
  },
  // Last, so it wins: only these may import zod directly.
  // test/zod-shared.test.ts plays an app with its own zod.
  {
    files: ['src/core/zod.ts', 'scripts/**', 'demo/**', 'test/node/**', 'test/zod-shared.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
