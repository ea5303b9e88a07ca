// Lint, including the folder rules that keep the runtimes apart:
//   shared/            pure TypeScript: no Node, DOM-only packages, React or Electron
//   electron/core|bridge|cli/   Node only: never Electron, never the renderer
//   electron/core/ (but app/, rpc/)   never the transports or the composition root
//   electron/*.ts      the only files that may import 'electron'
//   renderer/          browser only: its own files, shared/, and browser packages
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = ['better-sqlite3', 'commander', 'tsx', 'esbuild'];

const nodeSideOnly = { group: ['**/renderer/**', '**/lifecycle.js', '**/window.js', '**/ipc.js', '**/preload.js'], message: 'Node-side code never imports the renderer or the Electron shell' };
const inwardOnly = {
  group: ['../app/*', '../rpc/*', '../../bridge/*', '../../cli/*', '**/core/app/*', '**/core/rpc/*', '**/electron/bridge/*', '**/electron/cli/*'],
  message: 'the core imports rpc/, app/, bridge/ and cli/ only at the composition root (core/app, core/rpc)',
};
const restrict = (paths, patterns) => ['error', { paths: paths.map((name) => ({ name, message: 'not allowed in this folder (see eslint.config.js)' })), patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, ...nodeOnlyPackages, 'electron', 'react', 'react-dom', 'antd', 'i18next'],
        [{ group: ['**/electron/**', '**/renderer/**', '../electron*', '../renderer*'], message: 'shared/ imports only shared/ and pure packages' }],
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/bridge/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(['electron', 'react', 'react-dom', 'antd'], [nodeSideOnly]) },
  },
  {
    // Arrows point inward: the domain never reaches out to its transports or the composition root.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/app/**', 'electron/core/rpc/**'],
    rules: { 'no-restricted-imports': restrict(['electron', 'react', 'react-dom', 'antd'], [nodeSideOnly, inwardOnly]) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, ...nodeOnlyPackages, 'electron'],
        [{ group: ['**/electron/**', '../../electron*', '../../../electron*'], message: 'the renderer reaches the core only through the typed client' }],
      ),
    },
  },
);
