import { defineConfig } from "vitest/config";

// tfjs kernels on the cpu backend are slow for the bigger gradient checks: give tests room.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
