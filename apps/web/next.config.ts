import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/lib/security/headers.ts";

interface WebpackConfig {
  module?: { parser?: { javascript?: Record<string, unknown> } };
}

// Workspace packages ship TypeScript source; native and heavy server packages stay external
// (loaded with Node's require at run time, not bundled).
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@course/db", "@course/lessons", "@course/exercises", "@course/locales", "@course/exercise-kit", "@course/model-kit"],
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
  // With inlineCss, webpack writes CSS asset URLs (KaTeX's fonts) as /static/media/… instead of
  // /_next/static/media/…; serve them from where they are.
  // Every response (API routes, static files too); pages also get a CSP from src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  async rewrites() {
    return [{ source: "/static/media/:file", destination: "/_next/static/media/:file" }];
  },
  experimental: {
    // forbidden() → 403 with app/forbidden.tsx (instructor-only pages).
    authInterrupts: true,
    // <style> in the head instead of render-blocking <link>s (the lesson page's first paint).
    inlineCss: true,
  },
  // Built with webpack (`next build --webpack`): @course/db and @course/lessons locate their data
  // folders with `new URL("../dir/", import.meta.url)`. Turbopack treats that as an asset import
  // and fails on a directory; webpack, with URL assets off on the server, keeps it as code and
  // replaces import.meta.url with the source file's URL, so the folders resolve in the repo.
  webpack(webpackConfig: WebpackConfig, { isServer }: { isServer: boolean }) {
    if (isServer) {
      webpackConfig.module ??= {};
      webpackConfig.module.parser ??= {};
      webpackConfig.module.parser.javascript = { ...webpackConfig.module.parser.javascript, url: false };
    }
    return webpackConfig;
  },
};

export default config;
