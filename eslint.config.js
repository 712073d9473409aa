import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'storybook-static', 'data', 'coverage', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['designer/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Imports point one way: designer -> schemas <- runtime.
  {
    files: ['schemas/**/*.ts'],
    ignores: ['schemas/scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/runtime/**', '**/designer/**'],
              message: 'schemas/ is the shared kernel: it imports neither runtime nor designer.',
            },
            {
              group: ['node:*', 'express', 'react', 'react-dom', 'lowdb'],
              message: 'schemas/ is pure: no Node, Express or React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['designer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/runtime/**'],
              message: 'The designer talks to the runtime over HTTP only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/designer/**'], message: 'The runtime never imports the designer.' },
          ],
        },
      ],
    },
  },
  // The engine and services see storage through runtime/domain/ (types, the Store port);
  // which store stands behind it is the composition root's business.
  {
    files: ['runtime/engine/**/*.ts', 'runtime/services/**/*.ts', 'runtime/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/designer/**'], message: 'The runtime never imports the designer.' },
            {
              group: ['**/store/**', '!**/domain/**'],
              message:
                'Import document types and the Store port from runtime/domain/; only composition roots import runtime/store/.',
            },
          ],
        },
      ],
    },
  },
);
