import { defineConfig } from "vitest/config";

// Every exercise's solution, starter, alternatives and mutants are compiled and graded on the cpu backend.
export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
