// @course/grader: the grading service's building blocks (for tests, the bench and tooling).
export { loadConfig, type GraderConfig } from "./lib/config.ts";
export { gradeSubmission, cliDocument, freshSeed, type GradeOutcome } from "./lib/grading.ts";
export { SandboxPool, DEFAULT_SANDBOX_SETTINGS, type SandboxSettings, type SandboxRun, type PoolStatus } from "./lib/sandbox/pool.ts";
export { startService, type Service } from "./lib/service.ts";
export { createApp } from "./lib/http/app.ts";
export { jsonLogger, silentLogger, type Logger } from "./lib/log.ts";
export { diagnoseSubmission } from "./lib/diagnosis.ts";
