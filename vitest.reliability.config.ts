// The reliability suite (test/reliability): hostile pages, SIGKILLed processes, security
// checks. Slower than the unit suite, so it runs on its own: `npm run test:reliability`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/reliability/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
