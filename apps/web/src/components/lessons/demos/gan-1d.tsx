"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { lateDemoMessages } from "../../../lib/i18n/messages/demos-lessons-5-9-12.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { OwnCheck } from "../../../lib/lessons/own-check.ts";
import type { GanFrame } from "../../../workers/demos/gan-1d.ts";
import { DemoShell } from "../DemoShell.tsx";
import { LineChart, type ChartSeries } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";
import { r3 } from "./plot-helpers.ts";

type Snapshot = Extract<GanFrame, { kind: "snapshot" }>;
interface State {
  snaps: Snapshot[];
  checks: OwnCheck[];
}
const init: State = { snaps: [], checks: [] };
const reduce = (s: State, f: GanFrame): State => (f.kind === "check" ? { ...s, checks: [f.check] } : { ...s, snaps: [...s.snaps, f] });

const meanOf = (xs: readonly number[], density: readonly number[]) => xs.reduce((a, x, i) => a + x * (density[i] ?? 0), 0) / (density.reduce((a, d) => a + d, 0) || 1);

export default function GanDemo({ params, locale, own, ownPanel }: DemoViewProps<"gan-1d">) {
  const t = translator(lateDemoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [target, setTarget] = useState(params.target);
  const [steps, setSteps] = useState(params.steps);
  const { state, status, rerun } = useDemoRun<GanFrame, State>("gan-1d", { target, steps }, own, reduce, init, 200);
  const last = state.snaps.at(-1);
  const mine = state.snaps.some((s) => s.ownD !== undefined);
  const width = last ? (last.binCenters[1] ?? 0) - (last.binCenters[0] ?? 0) : 0;
  const overlap = last ? last.generated.reduce((a, g, i) => a + Math.min(g, last.real[i] ?? 0), 0) * width : 0;
  const lossSeries: ChartSeries[] = [
    { label: t("ganDLoss"), values: state.snaps.map((s) => s.dLoss), color: "#1d4ed8" },
    { label: t("ganGLoss"), values: state.snaps.map((s) => s.gLoss), color: "#c2410c" },
  ];
  if (mine) {
    lossSeries.push({ label: t("ganOwnD"), values: state.snaps.map((s) => s.ownD ?? null), color: "#1d4ed8", dash: true });
    lossSeries.push({ label: t("ganOwnG"), values: state.snaps.map((s) => s.ownG ?? null), color: "#c2410c", dash: true });
  }
  return (
    <DemoShell
      name="gan-1d"
      title={t("ganTitle")}
      locale={locale}
      status={status}
      checks={state.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <label>
            {t("ganTarget")}{" "}
            <select value={target} onChange={(e) => setTarget(e.currentTarget.value as typeof target)}>
              <option value="gaussian">{t("ganGaussian")}</option>
              <option value="bimodal">{t("ganBimodal")}</option>
            </select>
          </label>
          <Slider label={t("ganSteps")} value={steps} min={100} max={5000} step={100} onChange={setSteps} />
        </>
      }
    >
      {last ? (
        <div className="demo-plots two">
          <LineChart
            title={t("ganHistChart")}
            summary={`${t("ganHistSummary", { step: last.step, genMean: r3(meanOf(last.binCenters, last.generated)), realMean: r3(meanOf(last.binCenters, last.real)), overlap: `${Math.round(overlap * 100)} %` })} ${t("ganDiscSummary", { lo: r3(Math.min(...last.discriminator)), hi: r3(Math.max(...last.discriminator)) })}`}
            tableLabel={l("dataTable")}
            xLabel="x"
            x={last.binCenters}
            series={[
              { label: t("ganGenerated"), values: last.generated, color: "#c2410c" },
              { label: t("ganReal"), values: last.real, color: "#1f2937", dash: true },
              { label: t("ganDisc"), values: last.discriminator, color: "#047857" },
            ]}
          />
          <LineChart
            title={t("ganLossChart")}
            summary={t("ganLossSummary", { step: last.step, d: r3(last.dLoss), g: r3(last.gLoss), dEq: r3(2 * Math.LN2), gEq: r3(Math.LN2) })}
            tableLabel={l("dataTable")}
            xLabel={t("ganStep")}
            x={state.snaps.map((s) => s.step)}
            series={lossSeries}
          />
        </div>
      ) : null}
    </DemoShell>
  );
}
