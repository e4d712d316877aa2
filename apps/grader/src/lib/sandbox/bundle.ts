/**
 * Builds (once, cached on disk by content hash) the two scripts a sandbox needs:
 *  - realm.js: tfjs-core + cpu backend + exercise-kit's realm code + our shim, evaluated in the isolate;
 *  - host.cjs: the sandbox-host process (loads isolated-vm, runs one submission).
 * The directory is world-readable so unprivileged sandbox processes can read it; nothing in it is
 * secret (no tests, no expected values).
 */
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const graderRoot = resolve(here, "../../..");

export type Flavour = "core" | "full";
export const FLAVOURS: readonly Flavour[] = ["core", "full"];

export interface SandboxBundle {
  dir: string;
  /** realm-<flavour>.js and its V8 code cache realm-<flavour>.cache. */
  realm: Record<Flavour, { path: string; cachePath: string }>;
  hostPath: string;
  /** Folder holding isolated-vm (bound into the sandbox as node_modules/isolated-vm). */
  isolatedVmDir: string;
  hash: string;
}

function pkgDir(name: string): string {
  return realpathSync(join(graderRoot, "node_modules", name));
}

/** exercise-kit's realm folder (bundled into the isolate). */
export function realmSourceDir(): string {
  return join(pkgDir("@course/exercise-kit"), "src", "realm");
}

function hashInputs(files: string[], extra: string): string {
  const h = createHash("sha256");
  h.update(extra);
  for (const f of files.sort()) {
    h.update(f);
    h.update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 16);
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  chmodSync(tmp, 0o644);
  renameSync(tmp, path);
}

/** The bundle folder must belong to us and be writable by nobody else (it sits in a shared tmp). */
function assertOwnedByUs(path: string): void {
  const st = statSync(path);
  const uid = process.getuid?.();
  if ((uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) {
    throw new Error(`sandbox bundle path ${path} is not owned by this user or is group/world-writable; refusing to use it`);
  }
}

let memo: Promise<SandboxBundle> | undefined;
let built: SandboxBundle | undefined;

function bundleFiles(b: SandboxBundle): string[] {
  return [b.realm.core.path, b.realm.full.path, b.hostPath];
}

/**
 * Returns the bundle, building it when its inputs changed or its files went missing (the cache
 * sits in a shared tmp folder that something else may clean). Safe to call from many places.
 */
export function ensureSandboxBundle(opts: { cacheRoot?: string } = {}): Promise<SandboxBundle> {
  if (built && !bundleFiles(built).every((f) => existsSync(f))) {
    memo = undefined;
    built = undefined;
  }
  memo ??= build(opts.cacheRoot ?? join(tmpdir(), "course-grader-sandbox")).then(
    (b) => (built = b),
    (e: unknown) => {
      memo = undefined;
      throw e;
    },
  );
  return memo;
}

async function build(cacheRoot: string): Promise<SandboxBundle> {
  const tfjsDir = pkgDir("@tensorflow/tfjs");
  const tfjsNodeModules = resolve(tfjsDir, "../..");
  const realmDir = realmSourceDir();
  const isolatedVmDir = pkgDir("isolated-vm");
  const entry = join(here, "isolate", "entry.ts");
  const hostEntry = join(here, "host", "main.ts");
  const inputs = [...listTs(realmDir), ...listTs(join(here, "isolate")), ...listTs(join(here, "host")), join(here, "protocol.ts"), join(here, "realm-types.ts")];
  const tfVersion = JSON.parse(readFileSync(join(tfjsNodeModules, "@tensorflow/tfjs-core/package.json"), "utf8")).version as string;
  const hash = hashInputs(inputs, `${tfVersion}|${process.version}|${esbuild.version}`);
  const dir = join(cacheRoot, hash);
  const bundle: SandboxBundle = {
    dir,
    realm: {
      core: { path: join(dir, "realm-core.js"), cachePath: join(dir, "realm-core.cache") },
      full: { path: join(dir, "realm-full.js"), cachePath: join(dir, "realm-full.cache") },
    },
    hostPath: join(dir, "host.cjs"),
    isolatedVmDir,
    hash,
  };
  const files = bundleFiles(bundle);
  if (files.every((f) => existsSync(f))) {
    // Code from here runs next to student code: refuse a folder someone else could have planted.
    for (const p of [cacheRoot, dir, ...files]) assertOwnedByUs(p);
    return bundle;
  }

  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(cacheRoot, 0o755);
  chmodSync(dir, 0o755);
  assertOwnedByUs(cacheRoot);
  assertOwnedByUs(dir);
  const buildRealm = (flavour: Flavour) => esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: false,
    legalComments: "none",
    nodePaths: [tfjsNodeModules],
    alias: { "@course/realm": join(realmDir, "index.ts"), "@course/sandbox-tf": join(here, "isolate", `tf-${flavour}.ts`) },
    define: { "process.env.NODE_ENV": "\"production\"" },
    // tfjs-core looks for its global namespace on window/global/process/self: give it a private one.
    inject: [join(here, "isolate", "private-global.ts")],
    logLevel: "silent",
  });
  const [core, full] = await Promise.all([buildRealm("core"), buildRealm("full")]);
  const host = await esbuild.build({
    entryPoints: [hostEntry],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: ["isolated-vm"],
    logLevel: "silent",
  });
  writeAtomic(bundle.realm.core.path, core.outputFiles[0]!.contents);
  writeAtomic(bundle.realm.full.path, full.outputFiles[0]!.contents);
  writeAtomic(bundle.hostPath, host.outputFiles[0]!.contents);
  return bundle;
}
