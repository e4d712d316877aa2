/**
 * Browser-safe surface (no Node APIs, no esbuild): what the web app's pre-check needs besides the
 * realm bundle (`@course/exercise-kit/realm`, run inside the Web Worker).
 */
export { scorePublic, fixtureCalls, PublicFixturesSchema } from "./public.ts";
export type { PublicFixtures } from "./public.ts";
export { GradeReportSchema, RealmResultSchema } from "./report.ts";
export type { GradeReport, GradeStatus, TestReport } from "./report.ts";
export { wireFromJson, wireToJson, parseWire, WireSchema } from "./wire.ts";
export type { Wire, WireJson } from "./wire.ts";
export * from "./messages/index.ts";
