import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // The two browser runs are heavy; on two cores they are steadier one after the other.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
