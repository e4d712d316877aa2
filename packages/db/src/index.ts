export { createDb, dbProvider, sqliteFilePath, type Db } from "./client.ts";
export {
  ConfigError,
  DEFAULT_DATABASE_URL,
  DbConfigSchema,
  dbConfigFromEnv,
  parseDbConfig,
  parseWith,
  type DbConfig,
} from "./config.ts";
export * from "./enums.ts";
export { DOMAIN_ERROR_STATUS, DomainError, DuplicateSubmissionError, domainErrorStatus, type DomainErrorCode } from "./errors.ts";
export { applyMigrations, readMigrations, migrationChecksum, ChangedMigrationError, type Migration } from "./migrate.ts";
export { hashPassword, verifyPassword } from "./passwords.ts";
export * from "./repositories/audit.ts";
export * from "./repositories/authoring.ts";
export * from "./repositories/course-admin.ts";
export * from "./repositories/exercises.ts";
export * from "./repositories/grading-policy.ts";
export * from "./repositories/jobs.ts";
export * from "./repositories/join-codes.ts";
export * from "./repositories/password-resets.ts";
export * from "./repositories/roster.ts";
export * from "./repositories/staff-home.ts";
export * from "./repositories/users.ts";
export * from "./repositories/diagnoses.ts";
export * from "./repositories/submissions.ts";
export * from "./repositories/sessions.ts";
export * from "./repositories/submission-access.ts";
export * from "./live/index.ts";
export * from "./repositories/attempts.ts";
export * from "./repositories/assignments.ts";
export * from "./repositories/extensions.ts";
export * from "./repositories/staff-submissions.ts";
export * from "./repositories/regrade.ts";
export * from "./repositories/analytics.ts";
