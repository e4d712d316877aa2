import type { NextConfig } from "next";

// Workspace packages ship TypeScript source; native and heavy server packages stay external
// (loaded with Node's require at run time, not bundled).
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@course/db", "@course/lessons", "@course/exercises", "@course/exercise-kit", "@course/model-kit"],
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-backend-wasm",
    "isolated-vm",
    "esbuild",
  ],
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default config;
