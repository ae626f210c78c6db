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
        { selector: "MemberExpression[property.name='getValue']", message: 'Read a block with getValues.' },
        { selector: "MemberExpression[property.name='setValue']", message: 'Write a block with setValues.' },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['SpreadsheetApp', 'PropertiesService', 'LockService', 'CacheService', 'HtmlService',
          'Session', 'ScriptApp', 'MailApp', 'UrlFetchApp', 'Utilities', 'Logger'].map((name) => ({
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
