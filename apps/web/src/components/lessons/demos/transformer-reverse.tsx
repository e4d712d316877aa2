"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { transformerDemoMessages } from "../../../lib/i18n/messages/demos-transformer.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { OwnCheck } from "../../../lib/lessons/own-check.ts";
import type { ReverseFrame } from "../../../workers/demos/transformer-reverse.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { LineChart, type ChartSeries } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";
import { percent, r3 } from "./plot-helpers.ts";

type Snapshot = Extract<ReverseFrame, { kind: "snapshot" }>;
interface State {
  snaps: Snapshot[];
  checks: OwnCheck[];
}
const init: State = { snaps: [], checks: [] };
const reduce = (s: State, f: ReverseFrame): State => (f.kind === "check" ? { ...s, checks: [f.check] } : { ...s, snaps: [...s.snaps, f] });

const letter = (i: number) => String.fromCharCode(65 + i);

/** Per head: how many rows peak on the mirrored column, the mean weight there, and each row's peak. */
function mirrorStats(weights: readonly (readonly number[])[]) {
  const T = weights.length;
  let mirror = 0;
  let sum = 0;
  const peaks = weights.map((row, i) => {
    const j = row.indexOf(Math.max(...row));
    if (j === T - 1 - i) mirror++;
    sum += row[T - 1 - i] ?? 0;
    return { i, j, w: row[j] ?? 0 };
  });
  return { mirror, weight: sum / T, peaks };
}

export default function TransformerReverseDemo({ params, locale, own, ownPanel }: DemoViewProps<"transformer-reverse">) {
  const t = translator(transformerDemoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [seqLen, setSeqLen] = useState(params.seqLen);
  const [heads, setHeads] = useState(params.heads);
  const [steps, setSteps] = useState(params.steps);
  const [enabled, setEnabled] = useState(true);
  // Changing a control means "train with this": it also restarts a stopped run.
  const change =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setEnabled(true);
    };
  const { state, status, rerun } = useDemoRun<ReverseFrame, State>("transformer-reverse", { seqLen, heads, steps }, own, reduce, init, 250, enabled);
  const last = state.snaps.at(-1);
  const first = state.snaps[0];
  const mine = state.snaps.some((s) => s.own !== undefined);
  const x = state.snaps.map((s) => s.step);
  const lossSeries: ChartSeries[] = [
    { label: t("trTrainLoss"), values: state.snaps.map((s) => s.trainLoss), color: "#9ca3af" },
    { label: t("trHeldLoss"), values: state.snaps.map((s) => s.loss), color: "#c2410c" },
  ];
  const accSeries: ChartSeries[] = [
    { label: t("trLetterAcc"), values: state.snaps.map((s) => s.accuracy), color: "#047857" },
    { label: t("trSequenceAcc"), values: state.snaps.map((s) => s.sequenceAccuracy), color: "#1d4ed8" },
  ];
  if (mine) {
    lossSeries.push({ label: t("trOwnLoss"), values: state.snaps.map((s) => s.own?.loss ?? null), color: "#7c3aed", dash: true });
    accSeries.push({ label: t("trOwnAcc"), values: state.snaps.map((s) => s.own?.accuracy ?? null), color: "#7c3aed", dash: true });
  }
  const word = (tokens: readonly number[]) => tokens.map(letter).join(" ");
  return (
    <DemoShell
      name="transformer-reverse"
      title={t("trTitle")}
      locale={locale}
      status={status}
      checks={state.checks}
      ownPanel={ownPanel}
      controls={
        <>
          <Slider label={t("trSeqLen")} value={seqLen} min={3} max={8} step={1} onChange={change(setSeqLen)} />
          <label>
            {t("trHeads")}{" "}
            <select value={heads} onChange={(e) => change(setHeads)(Number(e.currentTarget.value) as typeof heads)}>
              {[1, 2, 4].map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <Slider label={t("trSteps")} value={steps} min={20} max={1000} step={20} onChange={change(setSteps)} />
          {/* One button that stays in place (and keeps the keyboard focus) as it turns from Stop into Train again. */}
          <button type="button" className="btn btn-secondary btn-small" data-testid="transformer-toggle" onClick={() => (status.kind === "running" ? setEnabled(false) : enabled ? rerun() : setEnabled(true))}>
            {status.kind === "running" ? t("trStop") : t("trStart")}
          </button>
        </>
      }
    >
      {last && first ? (
        <>
          <p className="small" data-testid="transformer-example">
            {t("trExample", { input: word(last.input), predicted: word(last.predicted), target: word(last.target) })}
          </p>
          <div className="demo-plots two">
            <LineChart
              title={t("trLossChart")}
              summary={`${t("trLossSummary", { step: last.step, train: r3(last.trainLoss), held: r3(last.loss), first: r3(first.loss), vocab: last.vocab, chance: r3(Math.log(last.vocab)) })}${last.own ? ` ${t("trOwnLossSummary", { own: r3(last.own.loss) })}` : ""}`}
              tableLabel={l("dataTable")}
              xLabel={t("trStep")}
              x={x}
              series={lossSeries}
            />
            <LineChart
              title={t("trAccChart", { n: last.heldOut })}
              summary={`${t("trAccSummary", { step: last.step, letters: percent(last.accuracy), sequences: percent(last.sequenceAccuracy), chance: percent(1 / last.vocab) })}${last.own ? ` ${t("trOwnAccSummary", { own: percent(last.own.accuracy) })}` : ""}`}
              tableLabel={l("dataTable")}
              xLabel={t("trStep")}
              x={x}
              series={accSeries}
              yRange={[0, 1]}
            />
          </div>
          <div className="demo-plots two">
            {last.attention.map((weights, h) => {
              const stats = mirrorStats(weights);
              const rowLabels = last.target.map(letter);
              const colLabels = last.input.map(letter);
              return (
                <Heatmap
                  key={h}
                  title={t("trHeadChart", { head: h + 1, heads: last.attention.length })}
                  summary={t("trHeadSummary", {
                    step: last.step,
                    mirror: stats.mirror,
                    n: weights.length,
                    weight: r3(stats.weight),
                    pairs: stats.peaks.map((p) => t("trPair", { out: rowLabels[p.i] ?? "", in: colLabels[p.j] ?? "", w: p.w.toFixed(2) })).join("; "),
                  })}
                  tableLabel={l("dataTable")}
                  values={weights}
                  rowLabels={rowLabels}
                  colLabels={colLabels}
                  scale="sequential"
                  range={[0, 1]}
                  cell={30}
                />
              );
            })}
          </div>
        </>
      ) : null}
    </DemoShell>
  );
}
