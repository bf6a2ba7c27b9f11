import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build the CLI bundle once, so CLI tests run the compiled JavaScript users get.
    globalSetup: ['tests/build.global.ts'],
    // Several tests spawn the CLI to build PDFs; on a two-core machine running the suite in
    // parallel that takes seconds, not the default five.
    testTimeout: 30_000,
  },
});
