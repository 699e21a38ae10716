// Lint for ssot-migrate (`npm run lint`): typescript-eslint's recommended rules, the type-aware
// rules that catch a forgotten promise or an assertion the types already prove, and the one
// layering rule dependency-cruiser cannot see: only the CLI touches `process` and `console`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Below the CLI nothing prints or exits: the engine, init discovery and the phases return data. */
const PROCESS_AND_CONSOLE = [
  { name: 'process', message: 'Only src/cli knows the process: take what you need (cwd, env, streams) as an argument.' },
  { name: 'console', message: 'Only src/cli prints: return data or emit a progress event instead.' },
];
const PROCESS_MODULES = ['process', 'node:process', 'console', 'node:console'].map((name) => ({ name, message: 'Only src/cli knows the process and prints.' }));

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'examples/**', '__testfixtures__/**', 'schema/**', 'coverage/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // Explorations (scripts/explore/) are in no tsconfig: they are checked with the tests' options.
        projectService: { allowDefaultProject: ['scripts/explore/*.ts'], defaultProject: '__tests__/tsconfig.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.ts', 'transforms/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-globals': ['error', ...PROCESS_AND_CONSOLE],
      'no-restricted-imports': ['error', { paths: PROCESS_MODULES }],
    },
  },
  {
    // The bin starts the built CLI and holds no logic of its own.
    files: ['bin/**/*.js'],
    languageOptions: { globals: globals.node },
    rules: { 'max-lines': ['error', { max: 2, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['scripts/**/*.js', '**/*.cjs', '*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['__tests__/**/*.ts'],
    languageOptions: { globals: globals.jest },
    // Tests look for the terminal's escape codes (\x1b[…m) in what the CLI printed.
    rules: { 'no-control-regex': 'off' },
  },
);
