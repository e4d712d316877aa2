"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { lateDemoMessages } from "../../../lib/i18n/messages/demos-lessons-5-9-12.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { ExplainFrame } from "../../../workers/demos/explain-digit.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";
import { argmax2d, percent, r3 } from "./plot-helpers.ts";

interface State {
  training: boolean;
  result?: Extract<ExplainFrame, { kind: "explained" }>;
}
const init: State = { training: false };
const reduce = (s: State, f: ExplainFrame): State => (f.kind === "status" ? { ...s, training: true } : { training: false, result: f });

export default function ExplainDigitDemo({ params, locale, own, ownPanel }: DemoViewProps<"explain-digit">) {
  const t = translator(lateDemoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [sample, setSample] = useState(params.sample);
  const { state, status, rerun } = useDemoRun<ExplainFrame, State>("explain-digit", { sample }, own, reduce, init, 150);
  const res = state.result;
  const sal = res ? argmax2d(res.saliency) : undefined;
  const occ = res ? argmax2d(res.occlusion) : undefined;
  const lime = res ? argmax2d(res.lime) : undefined;
  return (
    <DemoShell
      name="explain-digit"
      title={t("explainTitle")}
      locale={locale}
      status={status}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={<Slider label={t("explainSample")} value={sample} min={0} max={999} step={1} onChange={setSample} />}
    >
      {state.training ? <p className="small muted">{t("explainTraining")}</p> : null}
      {res && sal && occ && lime ? (
        <>
          <p className="small" data-testid="explain-verdict">
            {t("explainVerdict", { predicted: res.predicted, p: percent(res.probability), label: res.label })} {res.source === "saved" ? t("explainSourceSaved") : t("explainSourceTrained")}
          </p>
          <div className="demo-plots two">
            <Heatmap title={t("explainImage")} summary={t("explainImageSummary", { label: res.label })} tableLabel={l("dataTable")} values={res.image} scale="sequential" range={[0, 1]} cell={6} maxTableCells={0} />
            <Heatmap title={t("explainSaliency")} summary={t("explainSaliencySummary", { r: sal.r, c: sal.c })} tableLabel={l("dataTable")} values={res.saliency} scale="sequential" cell={6} maxTableCells={0} />
            <Heatmap title={t("explainOcclusion")} summary={t("explainOcclusionSummary", { r: occ.r, c: occ.c, drop: r3(occ.v) })} tableLabel={l("dataTable")} values={res.occlusion} scale="diverging" cell={6} maxTableCells={0} />
            <Heatmap title={t("explainLime")} summary={t("explainLimeSummary", { r: Math.ceil(lime.r / 4), c: Math.ceil(lime.c / 4), w: r3(lime.v) })} tableLabel={l("dataTable")} values={res.lime} scale="diverging" cell={6} maxTableCells={0} />
          </div>
          <p className="small" data-testid="explain-roundtrip">
            {"error" in res.roundTrip ? t("explainRoundTripFailed", { error: res.roundTrip.error }) : t("explainRoundTrip", { kb: Math.round(res.roundTrip.weightBytes / 1024), diff: res.roundTrip.maxDiff.toExponential(1) })}
          </p>
        </>
      ) : null}
    </DemoShell>
  );
}
