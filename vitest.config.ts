import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Electron can't run here: its thin shell files are tested against a recording fake.
  resolve: { alias: { electron: fileURLToPath(new URL('./test/support/electron-fake.ts', import.meta.url)) } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/support/build-cli.ts'],
    setupFiles: ['test/support/yield-between-tests.ts'],
  },
});
