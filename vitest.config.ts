import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/web/e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One worker per core is enough on the 2-core CI machine; the CLI tests spawn processes of their own.
    maxWorkers: 2,
  },
});
