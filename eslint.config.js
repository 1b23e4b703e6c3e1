// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import pluginQuery from '@tanstack/eslint-plugin-query'
import playwright from 'eslint-plugin-playwright'
import { importX } from 'eslint-plugin-import-x'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist', 'dist-sim', 'node_modules', 'playwright-report', 'test-results', 'public/mockServiceWorker.js', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: ['.', './index', '../index'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    extends: [jsxA11y.flatConfigs.recommended, ...pluginQuery.configs['flat/recommended']],
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@tanstack/query/prefer-query-options': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/ui', from: ['./src/api', './src/offers', './src/instances', './src/account', './src/app', './src/simulator'] },
            { target: './src/api', from: ['./src/offers', './src/instances', './src/account', './src/app', './src/simulator'] },
            { target: './src/offers', from: ['./src/instances', './src/account', './src/app', './src/simulator'] },
            { target: './src/instances', from: ['./src/offers', './src/account', './src/app', './src/simulator'] },
            { target: './src/account', from: ['./src/offers', './src/instances', './src/app', './src/simulator'] },
            { target: './src/simulator', from: ['./src/offers', './src/instances', './src/account', './src/app', './src/ui'] },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
)
