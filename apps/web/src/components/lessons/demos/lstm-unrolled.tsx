"use client";
import { useState } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { demoMessages } from "../../../lib/i18n/messages/demos.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { OwnCheck } from "../../../lib/lessons/own-check.ts";
import type { LstmFrame } from "../../../workers/demos/lstm-unrolled.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";

type Step = Extract<LstmFrame, { kind: "step" }>;
interface State {
  steps: Step[];
  checks: OwnCheck[];
}
const init: State = { steps: [], checks: [] };
const reduce = (s: State, f: LstmFrame): State => (f.kind === "check" ? { ...s, checks: [f.check] } : { ...s, steps: [...s.steps, f] });
const GATES = ["i", "f", "o", "g"] as const;
const GATE_KEYS = { i: "lstmGateI", f: "lstmGateF", o: "lstmGateO", g: "lstmGateG" } as const;
const r2 = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(2));

export default function LstmDemo({ params, locale, own, ownPanel }: DemoViewProps<"lstm-unrolled">) {
  const t = translator(demoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [sequence, setSequence] = useState(params.sequence);
  const [typed, setTyped] = useState(params.sequence);
  const [hidden, setHidden] = useState(params.hidden);
  const [gate, setGate] = useState<(typeof GATES)[number]>("f");
  const { state, status, rerun } = useDemoRun<LstmFrame, State>("lstm-unrolled", { sequence, hidden }, own, reduce, init, 120);
  const steps = state.steps;
  const H = steps[0]?.h.length ?? 0;
  // Rows are units, columns time steps.
  const byUnit = (pick: (s: Step) => number[]) => Array.from({ length: H }, (_, u) => steps.map((s) => pick(s)[u] ?? 0));
  const rowLabels = Array.from({ length: H }, (_, u) => t("unit", { n: u }));
  const colLabels = steps.map((s) => String(s.bit));
  const last = steps.at(-1);
  const gateValues = byUnit((s) => s.gates[gate]).flat();
  const common = { tableLabel: l("dataTable"), rowLabels, colLabels, cell: 26 };
  return (
    <DemoShell
      name="lstm-unrolled"
      title={t("lstmTitle")}
      locale={locale}
      status={status}
      checks={state.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <label>
            {t("lstmSequence")}{" "}
            <input
              type="text"
              value={typed}
              size={18}
              pattern="[01]{3,16}"
              inputMode="numeric"
              onChange={(e) => {
                const v = e.currentTarget.value;
                setTyped(v);
                if (/^[01]{3,16}$/.test(v)) setSequence(v);
              }}
            />
          </label>
          <Slider label={t("lstmHidden")} value={hidden} min={2} max={8} step={1} onChange={setHidden} />
          <label>
            {t("lstmGate")}{" "}
            <select value={gate} onChange={(e) => setGate(e.currentTarget.value as (typeof GATES)[number])}>
              {GATES.map((g) => (
                <option key={g} value={g}>
                  {t(GATE_KEYS[g])}
                </option>
              ))}
            </select>
          </label>
        </>
      }
    >
      {last ? (
        <>
          <Heatmap title={t("lstmH")} summary={t("lstmHSummary", { h: last.h.map(r2).join(", ") })} values={byUnit((s) => s.h)} scale="diverging" range={[-1, 1]} {...common} />
          <Heatmap
            title={t("lstmC")}
            summary={t("lstmCSummary", { c0: r2(last.c[0]), c1: r2(last.c[1]), ones: steps.filter((s) => s.bit === 1).length })}
            values={byUnit((s) => s.c)}
            scale="diverging"
            {...common}
          />
          <Heatmap
            title={t("lstmGates", { gate: t(GATE_KEYS[gate]) })}
            summary={t("lstmGateSummary", { gate: t(GATE_KEYS[gate]), min: r2(Math.min(...gateValues)), max: r2(Math.max(...gateValues)) })}
            values={byUnit((s) => s.gates[gate])}
            scale={gate === "g" ? "diverging" : "sequential"}
            range={gate === "g" ? [-1, 1] : [0, 1]}
            {...common}
          />
        </>
      ) : null}
    </DemoShell>
  );
}
