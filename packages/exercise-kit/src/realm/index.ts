/**
 * Realm bundle: code that runs next to student code (isolated-vm isolate, Web Worker, or
 * in-process for authoring). Free of Node APIs and of package imports so esbuild can bundle it.
 * Load this bundle BEFORE the submission: it captures the built-ins it relies on at evaluation.
 */
export { restrictTf, unrestrictTf, captureTf, asStudentCode, enterStudentCode, BannedFunctionError } from "./restrict.ts";
export type { RestrictOptions, TfNamespace, TfHandle } from "./restrict.ts";
export { executeCalls, callSequence, loadFailure } from "./execute.ts";
export type { CallSequence, ExecuteOptions } from "./execute.ts";
export { describeError } from "./errors.ts";
export { toWireInRealm, fromWireInRealm, MarshalError } from "./marshal.ts";
export { tfModuleSource } from "./tf-module.ts";
export { DEFAULT_WIRE_LIMITS, SUBMISSION_FILE } from "./types.ts";
export type { Wire, WireTensor, WireDtype, WireLimits, SandboxCall, RealmError, RealmCallResult, RealmResult } from "./types.ts";
