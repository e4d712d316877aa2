"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { demoMessages } from "../../../lib/i18n/messages/demos.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { NeuronFrame } from "../../../workers/demos/neuron.ts";
import { DemoShell } from "../DemoShell.tsx";
import { LineChart, type ChartSeries } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";

const ACTIVATIONS = ["relu", "sigmoid", "tanh"] as const;

export default function NeuronDemo({ params, locale, own, ownPanel }: DemoViewProps<"neuron">) {
  const t = translator(demoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [activation, setActivation] = useState(params.activation);
  const [w, setW] = useState(params.w);
  const [b, setB] = useState(params.b);
  const { state, status, rerun } = useDemoRun<NeuronFrame, NeuronFrame | null>("neuron", { activation, w, b }, own, (_, f) => f, null);

  const series: ChartSeries[] = [];
  if (state) {
    const mine = state.refY !== undefined;
    series.push({ label: mine ? `${t("neuronY")} (${l("yours")})` : t("neuronY"), values: state.y, color: "#1f4fd1" });
    series.push({ label: mine ? `${t("neuronDy")} (${l("yours")})` : t("neuronDy"), values: state.dy, color: "#c2410c" });
    if (state.refY && state.refDy) {
      series.push({ label: `${t("neuronY")} (${l("reference")})`, values: state.refY, color: "#1f4fd1", dash: true });
      series.push({ label: `${t("neuronDy")} (${l("reference")})`, values: state.refDy, color: "#c2410c", dash: true });
    }
  }
  let summary = "";
  if (state && state.y.length > 0) {
    let at = 0;
    state.dy.forEach((d, i) => {
      if (Math.abs(d) > Math.abs(state.dy[at] ?? 0)) at = i;
    });
    const r = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? String(v) : v.toFixed(3));
    summary = t("neuronSummary", { w, b, f: activation, y0: r(state.y[0]), y1: r(state.y.at(-1)), maxDy: r(state.dy[at]), atX: r(state.x[at]) });
  }

  return (
    <DemoShell
      name="neuron"
      title={t("neuronTitle")}
      locale={locale}
      status={status}
      checks={state?.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <label>
            {t("neuronActivation")}{" "}
            <select value={activation} onChange={(e) => setActivation(e.currentTarget.value as (typeof ACTIVATIONS)[number])}>
              {ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <Slider label={t("neuronW")} value={w} min={-4} max={4} step={0.1} onChange={setW} format={(v) => v.toFixed(1)} />
          <Slider label={t("neuronB")} value={b} min={-4} max={4} step={0.1} onChange={setB} format={(v) => v.toFixed(1)} />
        </>
      }
    >
      {state ? <LineChart title={t("neuronChart")} summary={summary} tableLabel={l("dataTable")} xLabel="x" x={state.x} series={series} /> : null}
    </DemoShell>
  );
}
