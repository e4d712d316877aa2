"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { demoMessages } from "../../../lib/i18n/messages/demos.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { AttentionFrame } from "../../../workers/demos/attention-heatmap.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";

export default function AttentionDemo({ params, locale, own, ownPanel }: DemoViewProps<"attention-heatmap">) {
  const t = translator(demoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [sentence, setSentence] = useState(params.sentence);
  const [temperature, setTemperature] = useState(params.temperature);
  const [causal, setCausal] = useState(params.causal);
  const valid = sentence.trim().length >= 3 && sentence.length <= 80;
  const { state, status, rerun } = useDemoRun<AttentionFrame, AttentionFrame | null>(
    "attention-heatmap",
    { sentence: valid ? sentence : params.sentence, temperature, causal },
    own,
    (_, f) => f,
    null,
    150,
  );
  const pairs = state
    ? state.weights
        .map((row, i) => {
          const j = row.indexOf(Math.max(...row));
          return `${state.tokens[i]} → ${state.tokens[j]} (${(row[j] ?? 0).toFixed(2)})`;
        })
        .join("; ")
    : "";
  return (
    <DemoShell
      name="attention-heatmap"
      title={t("attTitle")}
      locale={locale}
      status={status}
      checks={state?.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <label>
            {t("attSentence")} <input type="text" value={sentence} maxLength={80} size={28} onChange={(e) => setSentence(e.currentTarget.value)} />
          </label>
          <Slider label={t("attTemperature")} value={temperature} min={0.1} max={5} step={0.1} onChange={setTemperature} format={(v) => v.toFixed(1)} />
          <label>
            <input type="checkbox" checked={causal} onChange={(e) => setCausal(e.currentTarget.checked)} /> {t("attCausal")}
          </label>
        </>
      }
    >
      {state ? (
        <Heatmap
          title={t("attChart")}
          summary={t("attSummary", { pairs })}
          tableLabel={l("dataTable")}
          values={state.weights}
          rowLabels={state.tokens}
          colLabels={state.tokens}
          scale="sequential"
          range={[0, 1]}
          cell={34}
        />
      ) : null}
    </DemoShell>
  );
}
