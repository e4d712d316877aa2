"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { demoMessages } from "../../../lib/i18n/messages/demos.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { OwnCheck } from "../../../lib/lessons/own-check.ts";
import { RAVINE, ravine, type RaceFrame, type RacerName } from "../../../workers/demos/optimizer-race.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap, type HeatmapPath } from "../Heatmap.tsx";
import { LineChart, type ChartSeries } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";

type Step = Extract<RaceFrame, { kind: "step" }>;
interface State {
  surface: number[][];
  steps: Step[];
  checks: OwnCheck[];
}
const init: State = { surface: [], steps: [], checks: [] };
function reduce(s: State, f: RaceFrame): State {
  if (f.kind === "surface") return { ...s, surface: f.values };
  if (f.kind === "check") return { ...s, checks: [...s.checks, f.check] };
  return { ...s, steps: [...s.steps, f] };
}

const RACERS: RacerName[] = ["sgd", "momentum", "adam"];
const COLORS: Record<RacerName, string> = { sgd: "#6b7280", momentum: "#c2410c", adam: "#7c3aed" };
const { xMin, xMax, yMin, yMax, cols, rows, start } = RAVINE;
const toCell = ([x, y]: readonly [number, number]): [number, number] => [((x - xMin) / (xMax - xMin)) * cols - 0.5, ((yMax - y) / (yMax - yMin)) * rows - 0.5];
const fmt = (p: readonly [number, number] | undefined) => (p ? `${p[0].toFixed(2)}, ${p[1].toFixed(2)}` : "–");
const clampPath = (pts: [number, number][]) => pts.filter(([c, r]) => Number.isFinite(c) && Number.isFinite(r) && c > -cols && c < 2 * cols && r > -rows && r < 2 * rows);

export default function OptimizerRaceDemo({ params, locale, own, ownPanel }: DemoViewProps<"optimizer-race">) {
  const t = translator(demoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [lr, setLr] = useState(params.lr);
  const [adamLr, setAdamLr] = useState(params.adamLr);
  const [steps, setSteps] = useState(params.steps);
  const { state, status, rerun } = useDemoRun<RaceFrame, State>("optimizer-race", { lr, adamLr, steps }, own, reduce, init, 120);
  const last = state.steps.at(-1)?.points ?? {};
  const paths: HeatmapPath[] = [];
  const series: ChartSeries[] = [];
  for (const name of RACERS) {
    for (const ref of [false, true] as const) {
      const key = ref ? (`${name}Ref` as const) : name;
      if (!state.steps.some((s) => s.points[key])) continue;
      const pts = state.steps.map((s) => s.points[key]).filter((p): p is [number, number] => p !== undefined);
      paths.push({ points: clampPath([toCell(start), ...pts.map(toCell)]), color: COLORS[name], ...(ref ? { dash: true } : {}) });
      const mineToo = state.steps.some((s) => s.points[`${name}Ref`]);
      const label = `${t(name)}${mineToo ? ` (${ref ? l("reference") : l("yours")})` : ""}`;
      series.push({ label, values: state.steps.map((s) => (s.points[key] ? ravine(...(s.points[key] as [number, number])) : null)), color: COLORS[name], ...(ref ? { dash: true } : {}) });
    }
  }
  const f = (p: [number, number] | undefined) => (p ? ravine(...p).toPrecision(3) : "–");
  return (
    <DemoShell
      name="optimizer-race"
      title={t("raceTitle")}
      locale={locale}
      status={status}
      checks={state.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <Slider label={t("raceLr")} value={lr} min={0.005} max={0.5} step={0.005} onChange={setLr} format={(v) => v.toFixed(3)} />
          <Slider label={t("raceAdamLr")} value={adamLr} min={0.01} max={1} step={0.01} onChange={setAdamLr} format={(v) => v.toFixed(2)} />
          <Slider label={t("raceSteps")} value={steps} min={10} max={300} step={10} onChange={setSteps} />
        </>
      }
    >
      {state.surface.length > 0 ? (
        <Heatmap
          title={t("raceSurface")}
          summary={t("raceSurfaceSummary", { steps: state.steps.length, sgd: fmt(last.sgd), momentum: fmt(last.momentum), adam: fmt(last.adam) })}
          tableLabel={l("dataTable")}
          values={state.surface.map((row) => row.map((v) => -Math.log(v + 0.05)))}
          scale="sequential"
          cell={8}
          maxTableCells={0}
          paths={paths}
        />
      ) : null}
      {state.steps.length > 0 ? (
        <LineChart
          title={t("raceLossChart")}
          summary={t("raceLossSummary", { sgd: f(last.sgd), momentum: f(last.momentum), adam: f(last.adam) })}
          tableLabel={l("dataTable")}
          xLabel={t("raceStep")}
          x={state.steps.map((s) => s.step)}
          series={series}
        />
      ) : null}
    </DemoShell>
  );
}
