import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous bounds: a process test starts the real service (it reads and learns three banks) up to three times.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Workers are reused across files, so a worker learns each domain's bank once (readings, features
    // and the fitted model are cached per process by the bank's and the catalogue's hashes).
    isolate: false,
    // Tests against one PostgreSQL server use their own schemas, so files may run in parallel. Most
    // of a file's time is spent waiting (the database, a child process, a browser), so two workers
    // on a 2-core machine, where the default would be one.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
