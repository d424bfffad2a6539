import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests against one PostgreSQL server use their own schemas, so files may run in parallel.
    fileParallelism: true,
  },
});
