"use client";
/** A lesson code sample with a Run button: compiled on the server, run in a fresh worker, output shown. */
import { useState } from "react";
import { normalizeOutput } from "@course/lessons/client";
import { translator, type Locale } from "../../lib/i18n/index.ts";
import { lessonMessages } from "../../lib/i18n/messages/lessons.ts";
import { sampleModuleSource, type SampleRequest, type SampleResponse } from "../../lib/lessons/sample-protocol.ts";
import { postJson } from "./post-json.ts";

const TIMEOUT_MS = 15_000;

type RunState = { kind: "idle" } | { kind: "running" } | { kind: "done"; output: string; error?: string };

async function runSample(source: string): Promise<{ output: string; error?: string }> {
  const compiled = (await postJson("/api/compile", { source: sampleModuleSource(source) })) as { ok: boolean; code?: string; errors?: { message: string }[] };
  if (!compiled.ok || typeof compiled.code !== "string") return { output: "", error: compiled.errors?.[0]?.message ?? "compile error" };
  const worker = new Worker(new URL("../../workers/sample.worker.ts", import.meta.url), { type: "module", name: "lesson-sample" });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ output: "", error: `timeout ${TIMEOUT_MS / 1000}` }), TIMEOUT_MS);
      worker.addEventListener("message", (e: MessageEvent<SampleResponse>) => {
        clearTimeout(timer);
        resolve({ output: e.data.lines.join("\n"), ...(e.data.error === undefined ? {} : { error: e.data.error }) });
      });
      worker.addEventListener("error", (e) => {
        clearTimeout(timer);
        resolve({ output: "", error: e.message || "worker error" });
      });
      const request: SampleRequest = { type: "run", code: compiled.code as string };
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}

export function RunnableSample({ index, html, source, expected, locale }: { index: number; html: string; source: string; expected: string | null; locale: Locale }) {
  const t = translator(lessonMessages, locale);
  const [state, setState] = useState<RunState>({ kind: "idle" });

  async function onRun() {
    setState({ kind: "running" });
    try {
      setState({ kind: "done", ...(await runSample(source)) });
    } catch (e) {
      setState({ kind: "done", output: "", error: e instanceof Error ? e.message : String(e) });
    }
  }

  const matches = state.kind === "done" && expected !== null && state.error === undefined && normalizeOutput(state.output) === normalizeOutput(expected);
  return (
    <div className="sample" data-sample={index}>
      <div dangerouslySetInnerHTML={{ __html: html }} />
      <div className="sample-bar row">
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void onRun()} disabled={state.kind === "running"} aria-describedby={`sample-${index}-out`}>
          ▶ {state.kind === "running" ? t("runningSample") : t("runSample")}
        </button>
        {state.kind === "done" && expected !== null && state.error === undefined ? (
          <span className={`small ${matches ? "sample-ok" : "sample-bad"}`}>{matches ? t("sampleMatches") : t("sampleDiffers")}</span>
        ) : null}
      </div>
      <div id={`sample-${index}-out`} aria-live="polite">
        {state.kind === "done" ? (
          <>
            <p className="small sample-label">{t("sampleOutput")}</p>
            <pre className="sample-output" data-testid="sample-output" tabIndex={0}>
              {state.output === "" ? t("sampleNoOutput") : state.output}
              {state.error !== undefined ? `\n${state.error.startsWith("timeout ") ? t("sampleTimeout", { s: state.error.slice(8) }) : t("sampleError", { message: state.error })}` : ""}
            </pre>
          </>
        ) : null}
      </div>
      {expected !== null ? (
        <details className="sample-expected">
          <summary className="small">{t("sampleExpected")}</summary>
          <pre tabIndex={0}>{expected}</pre>
        </details>
      ) : null}
    </div>
  );
}
