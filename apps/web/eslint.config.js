import base, { ignores } from "@course/config/eslint";

export default [
  ...base,
  { ignores: [...ignores, "next-env.d.ts"] },
  {
    // The web app's config module is the one place allowed to read the environment.
    files: ["src/lib/env.ts", "src/lib/site-env.ts", "playwright.config.ts", "playwright.bench.config.ts", "bench/run.ts", "server.mjs"],
    rules: { "no-restricted-properties": "off" },
  },
];
