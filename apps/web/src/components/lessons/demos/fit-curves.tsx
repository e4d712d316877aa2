"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { lateDemoMessages } from "../../../lib/i18n/messages/demos-lessons-5-9-12.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { FitFrame } from "../../../workers/demos/fit-curves.ts";
import { smoothCurve } from "../../../../../../packages/model-kit/src/demos/fit-curves.ts";
import { DemoShell } from "../DemoShell.tsx";
import { LineChart } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";
import { percent, r3 } from "./plot-helpers.ts";

type Batch = Extract<FitFrame, { kind: "batch" }>;
type Epoch = Extract<FitFrame, { kind: "epoch" }>;
interface State {
  batches: Batch[];
  epochs: Epoch[];
}
const init: State = { batches: [], epochs: [] };
const reduce = (s: State, f: FitFrame): State => (f.kind === "batch" ? { ...s, batches: [...s.batches, f] } : { ...s, epochs: [...s.epochs, f] });

export default function FitCurvesDemo({ params, locale, own, ownPanel }: DemoViewProps<"fit-curves">) {
  const t = translator(lateDemoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [epochs, setEpochs] = useState(params.epochs);
  const [hidden, setHidden] = useState(params.hidden);
  const [learningRate, setLearningRate] = useState(params.learningRate);
  const [smoothing, setSmoothing] = useState(0.6);
  const { state, status, rerun } = useDemoRun<FitFrame, State>("fit-curves", { epochs, hidden, learningRate }, own, reduce, init, 200);
  const losses = state.batches.map((b) => b.loss);
  const smooth = smoothCurve(losses, smoothing);
  const lastBatch = state.batches.at(-1);
  const lastEpoch = state.epochs.at(-1);
  return (
    <DemoShell
      name="fit-curves"
      title={t("fitTitle")}
      locale={locale}
      status={status}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <Slider label={t("fitEpochs")} value={epochs} min={1} max={20} step={1} onChange={setEpochs} />
          <Slider label={t("fitHidden")} value={hidden} min={8} max={256} step={8} onChange={setHidden} />
          <Slider label={t("fitLr")} value={learningRate} min={0.0005} max={0.05} step={0.0005} onChange={setLearningRate} format={(v) => v.toFixed(4)} />
          <Slider label={t("fitSmoothing")} value={smoothing} min={0} max={0.95} step={0.05} onChange={setSmoothing} format={(v) => v.toFixed(2)} />
        </>
      }
    >
      <div className="demo-plots two">
        {lastBatch ? (
          <LineChart
            title={t("fitBatchChart")}
            summary={t("fitBatchSummary", { step: lastBatch.step + 1, loss: r3(lastBatch.loss), smooth: r3(smooth.at(-1)) })}
            tableLabel={l("dataTable")}
            xLabel={t("fitStep")}
            x={state.batches.map((b) => b.step + 1)}
            series={[
              { label: t("fitRaw"), values: losses, color: "#fdba74" },
              { label: t("fitSmoothed"), values: smooth, color: "#c2410c" },
            ]}
          />
        ) : null}
        {lastEpoch ? (
          <LineChart
            title={t("fitEpochChart")}
            summary={t("fitEpochSummary", { epoch: lastEpoch.epoch + 1, loss: r3(lastEpoch.loss), val: r3(lastEpoch.valLoss), acc: percent(lastEpoch.valAccuracy) })}
            tableLabel={l("dataTable")}
            xLabel={t("fitEpoch")}
            x={state.epochs.map((e) => e.epoch + 1)}
            series={[
              { label: t("fitTrainLoss"), values: state.epochs.map((e) => e.loss), color: "#c2410c" },
              { label: t("fitValLoss"), values: state.epochs.map((e) => e.valLoss), color: "#1d4ed8", dash: true },
            ]}
          />
        ) : null}
      </div>
    </DemoShell>
  );
}
