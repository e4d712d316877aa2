"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { demoMessages } from "../../../lib/i18n/messages/demos.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { OwnCheck } from "../../../lib/lessons/own-check.ts";
import { GD_GRID, type GradientDescentFrame } from "../../../workers/demos/gradient-descent.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { LineChart, type ChartSeries } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";

interface State {
  loss: number[][];
  steps: Extract<GradientDescentFrame, { kind: "step" }>[];
  checks: OwnCheck[];
}
const init: State = { loss: [], steps: [], checks: [] };
function reduce(s: State, f: GradientDescentFrame): State {
  if (f.kind === "surface") return { ...s, loss: f.loss };
  if (f.kind === "check") return { ...s, checks: [f.check] };
  return { ...s, steps: [...s.steps, f] };
}

const { wMin, wMax, bMin, bMax, n } = GD_GRID;
const toCell = (w: number, b: number): [number, number] => [((w - wMin) / (wMax - wMin)) * (n - 1), ((bMax - b) / (bMax - bMin)) * (n - 1)];
const r3 = (v: number | undefined) => (v === undefined ? "–" : Number.isFinite(v) ? v.toFixed(3) : String(v));

export default function GradientDescentDemo({ params, locale, own, ownPanel }: DemoViewProps<"gradient-descent">) {
  const t = translator(demoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [lr, setLr] = useState(params.lr);
  const [steps, setSteps] = useState(params.steps);
  const { state, status, rerun } = useDemoRun<GradientDescentFrame, State>("gradient-descent", { lr, steps }, own, reduce, init, 120);
  const mine = state.steps.some((s) => s.refW !== undefined);
  const inside = (p: [number, number]) => p[0] > -3 && p[0] < n + 2 && p[1] > -3 && p[1] < n + 2;
  const paths = [
    { points: state.steps.map((s) => toCell(s.w, s.b)).filter(inside), color: "#c2410c" },
    ...(mine ? [{ points: state.steps.map((s) => toCell(s.refW ?? 0, s.refB ?? 0)).filter(inside), color: "#1f2937", dash: true }] : []),
  ];
  const series: ChartSeries[] = [{ label: mine ? `${t("gdLoss")} (${l("yours")})` : t("gdLoss"), values: state.steps.map((s) => s.loss), color: "#c2410c" }];
  if (mine) series.push({ label: `${t("gdLoss")} (${l("reference")})`, values: state.steps.map((s) => s.refLoss ?? null), color: "#1f2937", dash: true });
  const first = state.steps[0];
  const last = state.steps.at(-1);
  const diverges = first !== undefined && last !== undefined && !(last.loss <= first.loss);
  return (
    <DemoShell
      name="gradient-descent"
      title={t("gdTitle")}
      locale={locale}
      status={status}
      checks={state.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <Slider label={t("gdLr")} value={lr} min={0.01} max={1.2} step={0.01} onChange={setLr} format={(v) => v.toFixed(2)} />
          <Slider label={t("gdSteps")} value={steps} min={5} max={200} step={5} onChange={setSteps} />
        </>
      }
    >
      <div className="demo-plots two">
        {state.loss.length > 0 ? (
          <Heatmap
            title={t("gdSurface")}
            summary={t("gdSurfaceSummary", { steps: state.steps.length, w: r3(last?.w), b: r3(last?.b) })}
            tableLabel={l("dataTable")}
            values={state.loss.map((row) => row.map((v) => -Math.log(v + 0.01)))}
            scale="sequential"
            cell={9}
            maxTableCells={0}
            paths={paths}
          />
        ) : null}
        {state.steps.length > 0 ? (
          <LineChart
            title={t("gdLossChart")}
            summary={diverges ? t("gdLossDiverges", { first: r3(first?.loss), last: r3(last?.loss) }) : t("gdLossSummary", { first: r3(first?.loss), last: r3(last?.loss), steps: state.steps.length })}
            tableLabel={l("dataTable")}
            xLabel={t("gdStep")}
            x={state.steps.map((s) => s.step)}
            series={series}
          />
        ) : null}
      </div>
    </DemoShell>
  );
}
