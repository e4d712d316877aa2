/**
 * The exercise-kit code the worker runs: the realm bundle (`@course/exercise-kit/realm`: no Node
 * APIs, no package imports) and the Wire JSON codec. The codec is imported by file: the kit's
 * "./browser" entry also re-exports scorePublic, whose comparison code imports @course/model-kit's
 * index, and that index pulls node:module/node:path (backend selection) into any browser bundle.
 * Scoring therefore runs on the server (POST /api/exercises/[id]/public-tests/score).
 */
export {
  captureTf,
  DEFAULT_WIRE_LIMITS,
  executeCalls,
  fromWireInRealm,
  loadFailure,
  restrictTf,
  tfModuleSource,
  toWireInRealm,
} from "@course/exercise-kit/realm";
export type { RealmResult, SandboxCall, TfNamespace } from "@course/exercise-kit/realm";
export { wireFromJson, wireToJson } from "../../../../packages/exercise-kit/src/wire.ts";
