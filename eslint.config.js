// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import pluginQuery from '@tanstack/eslint-plugin-query'
import playwright from 'eslint-plugin-playwright'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'
import globals from 'globals'

/**
 * Imports run one way: domain ← api ← features ← app, with ui beside (ui may use domain, for
 * formatting). Features never import each other. Only tests (and the one lazy demo import in
 * app/) reach the simulator. Domain tests may parse fixtures with api's schemas.
 * @param {boolean} forTests
 */
function layerZones(forTests) {
  const sim = forTests ? [] : ['./src/simulator']
  const features = ['./src/offers', './src/instances', './src/account', './src/spending']
  return [
    {
      target: './src/domain',
      from: [...(forTests ? [] : ['./src/api']), './src/ui', ...features, './src/app', ...sim],
    },
    { target: './src/ui', from: ['./src/api', ...features, './src/app', ...sim] },
    { target: './src/api', from: [...features, './src/app', './src/ui', ...sim] },
    ...features.map((f) => ({
      target: f,
      from: [...features.filter((o) => o !== f), './src/app', ...sim],
    })),
    { target: './src/app', from: sim },
    { target: './src/simulator', from: [...features, './src/app', './src/ui'] },
  ].filter((zone) => zone.from.length > 0)
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-sim',
      'dist-*',
      'node_modules',
      'playwright-report',
      'test-results',
      'public/mockServiceWorker.js',
      'bench/results',
    ],
  },
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
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.{1,2}(/index)?$', message: 'Import the file itself: no barrels.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    extends: [jsxA11y.flatConfigs.recommended, ...pluginQuery.configs['flat/recommended']],
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@tanstack/query/prefer-query-options': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones(false) }],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones(true) }] },
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
