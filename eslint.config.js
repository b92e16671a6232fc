import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const corePaths = ['src/model/**', 'src/io/**', 'src/formats/**', 'src/layout/**', 'src/cli/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The core is pure: no React, no React Flow, no DOM-only libraries.
    files: corePaths,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'html-to-image', 'idb-keyval'], message: 'The core (model/io/formats/layout/cli) must not import UI or browser libraries.' },
          { group: ['**/app/**', '../app/*', '../../app/*'], message: 'The core must not import from src/app.' },
        ],
      }],
    },
  },
  {
    files: ['src/model/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/io/**', '**/formats/**', '**/layout/**', '**/app/**', '**/cli/**', 'react', '@xyflow/*'], message: 'model imports nothing but itself.' },
        ],
      }],
    },
  },
  {
    files: ['src/io/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/formats/**', '**/layout/**', '**/app/**', '**/cli/**', 'react', '@xyflow/*'], message: 'io imports only the model.' },
        ],
      }],
    },
  },
);
