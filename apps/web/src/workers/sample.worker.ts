/**
 * Runs one lesson code sample (compiled by POST /api/compile) against tfjs on the cpu backend, the
 * backend the CI test checks the samples' expected output on, and sends back its console output
 * formatted by @course/lessons' formatLogLine, the same formatting the test uses. The page starts
 * one worker per run and terminates it afterwards (or on a time-out).
 */
import * as tf from "@tensorflow/tfjs";
import { formatLogLine } from "@course/lessons/client";
import { linkTfImport } from "../lib/exercise/module-link.ts";
import type { SampleRequest, SampleResponse } from "../lib/lessons/sample-protocol.ts";
import { tfModuleSource } from "./kit.ts";

const scope = self as unknown as { postMessage(m: SampleResponse): void; addEventListener(t: "message", l: (e: MessageEvent<SampleRequest>) => void): void };
const TF_GLOBAL = "__courseSampleTf";
const MAX_LINES = 500;

async function run(code: string): Promise<SampleResponse> {
  const lines: string[] = [];
  const log = (...args: unknown[]) => {
    if (lines.length < MAX_LINES) lines.push(formatLogLine(args));
  };
  for (const level of ["log", "info", "warn", "error", "debug"] as const) (console as unknown as Record<string, unknown>)[level] = log;
  await tf.setBackend("cpu");
  const ns = { ...(tf as unknown as Record<string, unknown>) };
  (globalThis as Record<string, unknown>)[TF_GLOBAL] = ns;
  const shimUrl = URL.createObjectURL(new Blob([tfModuleSource(ns, TF_GLOBAL)], { type: "text/javascript" }));
  const modUrl = URL.createObjectURL(new Blob([`${linkTfImport(code, shimUrl)}\n//# sourceURL=sample.js\n`], { type: "text/javascript" }));
  try {
    await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ modUrl);
    return { type: "result", lines };
  } catch (e) {
    return { type: "result", lines, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  } finally {
    URL.revokeObjectURL(modUrl);
    URL.revokeObjectURL(shimUrl);
  }
}

scope.addEventListener("message", (e) => {
  if (e.data?.type !== "run") return;
  run(e.data.code).then(scope.postMessage.bind(scope), (err: unknown) => scope.postMessage({ type: "result", lines: [], error: String(err) }));
});
