import { defineConfig } from 'vitest/config';

/**
 * One vitest setup for every workspace: specs beside the code (`*.unit.spec.ts`, `*.int.spec.ts`),
 * generous timeouts for real databases and brokers, and a JSON report that `npm test` sums up.
 */
export default defineConfig({
  // graphql-js must be one module instance: Pothos loads the CommonJS build, so everything does.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['src/**/*.spec.ts', 'src/**/*.spec.tsx', 'e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
  },
});
