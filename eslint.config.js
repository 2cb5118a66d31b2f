import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

// src/domain runs in Node, a Web Worker and the browser alike: no UI or map libraries there.
const domainBoundary = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain must not import React.' },
    { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'src/domain must not import maplibre.' },
    { group: ['@deck.gl/*', 'deck.gl'], message: 'src/domain must not import deck.gl.' },
    { group: ['zustand', 'zustand/*'], message: 'src/domain must not import the store.' },
    { group: ['**/ui/**', '**/map/**', '**/state/**', '**/worker/**', '**/app/**'], message: 'src/domain must not import outer layers.' },
    { group: ['node:*', 'fs', 'path'], message: 'src/domain must not import Node built-ins; do I/O in src/cli.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', domainBoundary],
      // The DOM is not there in Node or a worker.
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement'],
    },
  },
);
