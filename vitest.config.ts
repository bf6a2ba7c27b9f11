import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build the CLI bundle once, so CLI tests run the compiled JavaScript users get.
    globalSetup: ['tests/build.global.ts'],
  },
});
