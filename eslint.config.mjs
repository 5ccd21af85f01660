import js from '@eslint/js';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

// eslint-plugin-office-addins v4 exports flat configs as arrays; its `configs.recommended` also brings prettier, its own (older)
// typescript-eslint and an ES6 parser setting; we take only its Office.js rules (load before read, sync
// after load, no sync in a loop, isNullObject …) and keep the project's parser and style.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'coverage/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Where Office.js proxies can appear. Not over ExcelJS code (the .xlsx gateway, the command, tests,
    // scripts): the rules go by names, and ExcelJS's `ws.getCell(…).value` reads like an unloaded proxy.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/gateways/xlsx/**', 'src/cli/**'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
  {
    // The task pane and the Office.js gateway run in Excel's web view (or a browser).
    files: ['src/taskpane/**/*.{ts,tsx,js}', 'src/gateways/office/**/*.{ts,tsx,js}'],
    languageOptions: {
      globals: { ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
  },
  {
    // The pure pipeline must not reach for a host: no fs, no DOM, no Excel.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fs', 'node:*', 'path', 'exceljs', '*/gateways/*', '*/cli/*'] }],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window', 'process'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    // Node scripts and configs (webpack.config.js, scripts/*.js): CommonJS.
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
