import { defineConfig } from "vitest/config";

// Exercise checks compile and run many submissions on the tfjs cpu backend.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
