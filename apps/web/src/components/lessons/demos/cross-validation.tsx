"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { lateDemoMessages } from "../../../lib/i18n/messages/demos-lessons-5-9-12.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { OwnCheck } from "../../../lib/lessons/own-check.ts";
import type { CrossValidationFrame } from "../../../workers/demos/cross-validation.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { LineChart } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";
import { percent, r3 } from "./plot-helpers.ts";

type Fold = Extract<CrossValidationFrame, { kind: "fold" }>;
type Result = Extract<CrossValidationFrame, { kind: "result" }>;
interface State {
  folds: Fold[];
  result?: Result;
  checks: OwnCheck[];
}
const init: State = { folds: [], checks: [] };
const reduce = (s: State, f: CrossValidationFrame): State =>
  f.kind === "check" ? { ...s, checks: [...s.checks.filter((c) => c.exercise !== f.check.exercise), f.check] } : f.kind === "fold" ? { ...s, folds: [...s.folds, f] } : { ...s, result: f };

const ROWS = 150;

export default function CrossValidationDemo({ params, locale, own, ownPanel }: DemoViewProps<"cross-validation">) {
  const t = translator(lateDemoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [k, setK] = useState(params.k);
  const [shuffle, setShuffle] = useState(params.shuffle);
  const [positive, setPositive] = useState(params.positive);
  const { state, status, rerun } = useDemoRun<CrossValidationFrame, State>("cross-validation", { k, shuffle, positive }, own, reduce, init, 150);
  const strip = state.folds.map((f) => {
    const row = new Array<number>(ROWS).fill(Number.NaN);
    for (const r of f.trainRows) row[r] = 0.35;
    for (const r of f.valRows) row[r] = 1;
    return row;
  });
  const res = state.result;
  const correct = res ? res.confusion.reduce((a, row, i) => a + (row[i] ?? 0), 0) : 0;
  const total = res ? res.confusion.flat().reduce((a, b) => a + b, 0) : 0;
  return (
    <DemoShell
      name="cross-validation"
      title={t("cvTitle")}
      locale={locale}
      status={status}
      checks={state.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <Slider label={t("cvK")} value={k} min={2} max={10} step={1} onChange={setK} />
          <label>
            <input type="checkbox" checked={shuffle} onChange={(e) => setShuffle(e.currentTarget.checked)} /> {t("cvShuffle")}
          </label>
          <label>
            {t("cvPositive")}{" "}
            <select value={positive} onChange={(e) => setPositive(Number(e.currentTarget.value))}>
              {(res?.classes ?? ["setosa", "versicolor", "virginica"]).map((c, i) => (
                <option key={c} value={i}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </>
      }
    >
      {strip.length > 0 ? (
        <Heatmap
          title={t("cvFolds")}
          summary={t("cvFoldsSummary", { k: state.folds.length, accs: state.folds.map((f) => percent(f.accuracy)).join(", ") })}
          tableLabel={l("dataTable")}
          values={strip}
          rowLabels={state.folds.map((f) => t("cvFoldRow", { n: f.fold + 1 }))}
          scale="sequential"
          range={[0, 1]}
          cell={4}
          maxTableCells={0}
        />
      ) : null}
      {res ? (
        <div className="demo-plots two">
          <Heatmap
            title={t("cvConfusion")}
            summary={t("cvConfusionSummary", { correct, total, acc: percent(res.accuracy) })}
            tableLabel={l("dataTable")}
            values={res.confusion}
            rowLabels={res.classes}
            colLabels={res.classes}
            scale="sequential"
            cell={48}
          />
          <LineChart
            title={t("cvRoc", { cls: res.classes[res.positive] ?? "" })}
            summary={t("cvRocSummary", { auc: r3(res.auc) })}
            tableLabel={l("dataTable")}
            xLabel={t("cvFpr")}
            x={res.roc.map((p) => p.fpr)}
            series={[
              { label: t("cvTpr"), values: res.roc.map((p) => p.tpr), color: "#1d4ed8" },
              { label: t("cvChance"), values: res.roc.map((p) => p.fpr), color: "#9ca3af", dash: true },
            ]}
            yRange={[0, 1]}
          />
        </div>
      ) : null}
    </DemoShell>
  );
}
