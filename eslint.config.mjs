// Server code (src/) runs in Apps Script, tests and scripts run in Node: the
// same TypeScript rules, but only src/ is barred from Node's globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.local/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='getValue'][callee.object.callee.property.name=/^get(Range|DataRange|ActiveRange)$/]",
          message: 'Read a block with getValues (PRODUCT section 8).',
        },
        {
          selector:
            "CallExpression[callee.property.name='setValue'][callee.object.callee.property.name=/^get(Range|DataRange|ActiveRange)$/]",
          message: 'Write a block with setValues (PRODUCT section 8).',
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'PropertiesService',
          'LockService',
          'CacheService',
          'HtmlService',
          'Session',
          'ScriptApp',
          'MailApp',
          'UrlFetchApp',
          'Utilities',
          'Logger',
        ].map((name) => ({
          name,
          message: 'The engine is pure: pass data in from an adapter.',
        })),
      ],
    },
  },
  {
    files: ['test/**', 'scripts/**', 'emulator/**', '*.mjs', '*.cjs', '*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { 'no-restricted-syntax': 'off' },
  },
);
