import { defineConfig } from 'vitest/config';

// No test may depend on the machine being idle (CI has 2 shared cores): vitest's 5 s default
// fails sound tests on a loaded machine (the first ESLint or TypeScript load alone can take that),
// so every project gets a generous limit. Timeouts catch hangs; speed belongs in bench/.
const GENEROUS = { testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          ...GENEROUS,
          include: ['test/shared/**/*.test.ts', 'test/main/**/*.test.ts', 'test/lint/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          ...GENEROUS,
          include: ['test/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
