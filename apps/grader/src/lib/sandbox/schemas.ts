/**
 * zod schemas for everything a sandbox host sends back. A host is untrusted (an isolate escape
 * would land there), so its lines are parsed here, with limits, before anything uses them.
 */
import { z } from "zod";
import type { WireJson } from "./protocol.ts";

const MAX_DEPTH = 32;
const MAX_STRING = 100_000;

const finiteOrSpecial = z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity", "-0"])]);

export const WireJsonSchema: z.ZodType<WireJson> = z.lazy(() =>
  z.discriminatedUnion("t", [
    z
      .object({
        t: z.literal("tensor"),
        dtype: z.enum(["float32", "int32", "bool"]),
        shape: z.array(z.number().int().min(0).max(1e8)).max(8),
        b64: z.string().max(64 * 1024 * 1024),
      })
      .strict(),
    z.object({ t: z.literal("number"), v: finiteOrSpecial }).strict(),
    z.object({ t: z.literal("string"), v: z.string().max(MAX_STRING) }).strict(),
    z.object({ t: z.literal("boolean"), v: z.boolean() }).strict(),
    z.object({ t: z.literal("null") }).strict(),
    z.object({ t: z.literal("undefined") }).strict(),
    z.object({ t: z.literal("array"), items: z.array(WireJsonSchema).max(4_000_000) }).strict(),
    z.object({ t: z.literal("object"), entries: z.record(z.string().max(10_000), WireJsonSchema) }).strict(),
  ]),
);

const RealmErrorSchema = z
  .object({
    name: z.string().max(200),
    message: z.string().max(10_000),
    line: z.number().int().min(0).optional(),
    column: z.number().int().min(0).optional(),
  })
  .strict();

export const RealmResultJsonSchema = z
  .object({
    load: z.union([z.object({ ok: z.literal(true) }).strict(), z.object({ ok: z.literal(false), error: RealmErrorSchema }).strict()]),
    results: z
      .array(
        z.union([
          z.object({ id: z.string().max(200), ok: z.literal(true), value: WireJsonSchema }).strict(),
          z.object({ id: z.string().max(200), ok: z.literal(false), error: RealmErrorSchema }).strict(),
        ]),
      )
      .max(10_000),
    logs: z.array(z.string().max(10_000)).max(1000),
  })
  .strict();

export const ReadyMessageSchema = z
  .object({
    type: z.literal("ready"),
    warmMs: z.number().finite(),
    cache: z.string().max(50 * 1024 * 1024).optional(),
    cacheRejected: z.boolean().optional(),
    procCpuMs: z.number().finite().min(0).optional(),
  })
  .strict();

export const StopPointSchema = z.discriminatedUnion("phase", [
  z.object({ phase: z.literal("load") }).strict(),
  z.object({ phase: z.literal("call"), callId: z.string().max(200) }).strict(),
  z.object({ phase: z.literal("end") }).strict(),
]);

export const ResultMessageSchema = z
  .object({
    type: z.literal("result"),
    outcome: z.enum(["ok", "timeout", "memory_limit", "crashed", "setup_failed"]),
    detail: z.string().max(2000).optional(),
    realm: RealmResultJsonSchema.optional(),
    stoppedAt: StopPointSchema.optional(),
    cpuMs: z.number().finite(),
    wallMs: z.number().finite(),
    phases: z.record(z.string().max(50), z.number().finite()).optional(),
    retiring: z.boolean().optional(),
    procCpuMs: z.number().finite().min(0).optional(),
  })
  .strict();

export const HostMessageSchema = z.discriminatedUnion("type", [ReadyMessageSchema, ResultMessageSchema]);

/** Depth check done before zod (z.lazy recursion on a hostile 1e6-deep document would overflow). */
export function jsonDepthOk(text: string, maxDepth = MAX_DEPTH + 8): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth * 3) return false;
    } else if (c === 125 || c === 93) depth--;
  }
  return true;
}
