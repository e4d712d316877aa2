// Float64 plain-TypeScript twins of the references: the oracle where float32 is marginal.
export * from "./core.ts";
export * from "./attention.ts";
export * from "./conv.ts";
export * from "./gan.ts";
