import { defineConfig } from 'vitest/config'

// Unit, component and API tests. Browser (e2e) tests and benchmarks have their own entry points.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
})
