/**
 * The realm seam types from docs/grading-contract.md, as exercise-kit defines them. Type-only:
 * nothing of the kit's runtime reaches the sandbox host bundle through this file.
 */
export type { RealmCallResult, RealmError, RealmResult, SandboxCall, Wire, WireDtype, WireTensor } from "@course/exercise-kit/realm";
