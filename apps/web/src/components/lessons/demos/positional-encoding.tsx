"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { demoMessages } from "../../../lib/i18n/messages/demos.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { PositionalFrame } from "../../../workers/demos/positional-encoding.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";

const r3 = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(3));

export default function PositionalEncodingDemo({ params, locale, own, ownPanel }: DemoViewProps<"positional-encoding">) {
  const t = translator(demoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [seqLen, setSeqLen] = useState(params.seqLen);
  const [dModel, setDModel] = useState(params.dModel);
  const { state, status, rerun } = useDemoRun<PositionalFrame, PositionalFrame | null>("positional-encoding", { seqLen, dModel }, own, (_, f) => f, null, 100);
  const cell = Math.max(4, Math.min(12, Math.floor(480 / Math.max(seqLen, dModel))));
  return (
    <DemoShell
      name="positional-encoding"
      title={t("peTitle")}
      locale={locale}
      status={status}
      checks={state?.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <Slider label={t("peSeqLen")} value={seqLen} min={4} max={64} step={1} onChange={setSeqLen} />
          <Slider label={t("peDModel")} value={dModel} min={4} max={64} step={2} onChange={setDModel} />
        </>
      }
    >
      {state ? (
        <div className="demo-plots two">
          <Heatmap title={t("peChart")} summary={t("peSummary", { v: r3(state.pe[1]?.[0]) })} tableLabel={l("dataTable")} values={state.pe} scale="diverging" range={[-1, 1]} cell={cell} maxTableCells={0} />
          <Heatmap
            title={t("peSim")}
            summary={t("peSimSummary", { a: r3(state.similarity[0]?.[0]), b: r3(state.similarity[0]?.[1]), c: r3(state.similarity[0]?.[8]) })}
            tableLabel={l("dataTable")}
            values={state.similarity}
            scale="diverging"
            cell={cell}
            maxTableCells={0}
          />
        </div>
      ) : null}
    </DemoShell>
  );
}
