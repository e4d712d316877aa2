"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { demoMessages } from "../../../lib/i18n/messages/demos.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { OwnCheck } from "../../../lib/lessons/own-check.ts";
import { XOR_GRID, type XorFrame } from "../../../workers/demos/xor-mlp.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { LineChart, type ChartSeries } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";

type Progress = Extract<XorFrame, { kind: "progress" }>;
interface State {
  progress: Progress[];
  checks: OwnCheck[];
}
const init: State = { progress: [], checks: [] };
const reduce = (s: State, f: XorFrame): State => (f.kind === "check" ? { ...s, checks: [f.check] } : { ...s, progress: [...s.progress, f] });

/** Grid cell of a point of the unit square (the grid spans [-0.25, 1.25]²). */
const cellOf = (x1: number, x2: number): [number, number] => [((x1 + 0.25) / 1.5) * (XOR_GRID - 1), ((1.25 - x2) / 1.5) * (XOR_GRID - 1)];
const r3 = (v: number | undefined) => (v === undefined ? "–" : Number.isFinite(v) ? v.toFixed(3) : String(v));

export default function XorDemo({ params, locale, own, ownPanel }: DemoViewProps<"xor-mlp">) {
  const t = translator(demoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [hidden, setHidden] = useState(params.hidden);
  const [lr, setLr] = useState(params.lr);
  const [epochs, setEpochs] = useState(params.epochs);
  const { state, status, rerun } = useDemoRun<XorFrame, State>("xor-mlp", { hidden, lr, epochs }, own, reduce, init, 150);
  const last = state.progress.at(-1);
  const mine = state.progress.some((p) => p.refLoss !== undefined);
  const series: ChartSeries[] = [{ label: mine ? `${t("xorLoss")} (${l("yours")})` : t("xorLoss"), values: state.progress.map((p) => p.loss), color: "#c2410c" }];
  if (mine) series.push({ label: `${t("xorLoss")} (${l("reference")})`, values: state.progress.map((p) => p.refLoss ?? null), color: "#1f2937", dash: true });
  const at = (x1: number, x2: number) => {
    const [c, r] = cellOf(x1, x2);
    return last?.surface[Math.round(r)]?.[Math.round(c)];
  };
  const points = [
    { xy: [0, 0], label: 0 },
    { xy: [0, 1], label: 1 },
    { xy: [1, 0], label: 1 },
    { xy: [1, 1], label: 0 },
  ].map(({ xy, label }) => ({ points: [cellOf(xy[0] ?? 0, xy[1] ?? 0)], color: label === 1 ? "#c2410c" : "#111827" }));
  return (
    <DemoShell
      name="xor-mlp"
      title={t("xorTitle")}
      locale={locale}
      status={status}
      checks={state.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <Slider label={t("xorHidden")} value={hidden} min={2} max={8} step={1} onChange={setHidden} />
          <Slider label={t("xorLr")} value={lr} min={0.1} max={10} step={0.1} onChange={setLr} format={(v) => v.toFixed(1)} />
          <Slider label={t("xorEpochs")} value={epochs} min={50} max={3000} step={50} onChange={setEpochs} />
        </>
      }
    >
      <div className="demo-plots two">
        {state.progress.length > 0 ? (
          <LineChart
            title={t("xorLossChart")}
            summary={t("xorLossSummary", { epochs: (last?.epoch ?? 0) + 1, loss: r3(last?.loss), first: r3(state.progress[0]?.loss) })}
            tableLabel={l("dataTable")}
            xLabel={t("xorEpoch")}
            x={state.progress.map((p) => p.epoch)}
            series={series}
          />
        ) : null}
        {last ? (
          <Heatmap
            title={t("xorSurface")}
            summary={t("xorSurfaceSummary", { a: r3(at(0, 0)), b: r3(at(0, 1)), c: r3(at(1, 0)), d: r3(at(1, 1)) })}
            tableLabel={l("dataTable")}
            values={last.surface}
            scale="sequential"
            range={[0, 1]}
            cell={10}
            maxTableCells={0}
            paths={points}
          />
        ) : null}
      </div>
    </DemoShell>
  );
}
