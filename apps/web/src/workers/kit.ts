/**
 * The exercise-kit code the worker runs: the realm bundle (no Node APIs) and the public scoring.
 * Imported by file because the package's public entry also exports Node-only parts (esbuild,
 * node:fs); replace with subpath imports once @course/exercise-kit exports "./realm" and
 * "./public" (requested in the exercise engineer's report).
 */
export { executeCalls, loadFailure, restrictTf, tfModuleSource } from "../../../../packages/exercise-kit/src/realm/index.ts";
export { fixtureCalls, scorePublic } from "../../../../packages/exercise-kit/src/public.ts";
