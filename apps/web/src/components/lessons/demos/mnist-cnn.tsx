"use client";
import { useCallback, useRef, useState, type PointerEvent } from "react";
import { translator } from "../../../lib/i18n/index.ts";
import { lateDemoMessages } from "../../../lib/i18n/messages/demos-lessons-5-9-12.ts";
import { lessonMessages } from "../../../lib/i18n/messages/lessons.ts";
import type { OwnModule } from "../../../lib/lessons/demo-protocol.ts";
import type { OwnCheck } from "../../../lib/lessons/own-check.ts";
import { MAPS_SHOWN, type LayerMaps, type MnistFrame } from "../../../workers/demos/mnist-cnn.ts";
import { DemoShell } from "../DemoShell.tsx";
import { Heatmap } from "../Heatmap.tsx";
import { LineChart } from "../LineChart.tsx";
import { useDemoRun } from "../use-demo-run.ts";
import type { DemoViewProps } from "./index.ts";
import { Slider } from "./Slider.tsx";
import { percent, tileMaps, r3 } from "./plot-helpers.ts";

type Inspect = Extract<MnistFrame, { kind: "inspect" }>;
interface InspectState {
  inspect?: Inspect;
  checks: OwnCheck[];
}
const inspectInit: InspectState = { checks: [] };
const reduceInspect = (s: InspectState, f: MnistFrame): InspectState =>
  f.kind === "inspect" ? { ...s, inspect: f } : f.kind === "check" ? { ...s, checks: [...s.checks.filter((c) => c.exercise !== f.check.exercise), f.check] } : s;

interface TrainState {
  batches: { step: number; loss: number }[];
  epochs: { epoch: number; accuracy: number; testAccuracy: number }[];
  trained?: Extract<MnistFrame, { kind: "trained" }>;
}
const trainInit: TrainState = { batches: [], epochs: [] };
const reduceTrain = (s: TrainState, f: MnistFrame): TrainState =>
  f.kind === "batch" ? { ...s, batches: [...s.batches, f] } : f.kind === "epoch" ? { ...s, epochs: [...s.epochs, f] } : f.kind === "trained" ? { ...s, trained: f } : s;

const NO_OWN: OwnModule[] = [];
const DRAW = 56; // the drawing is sent at 56×56; the worker crops, scales and centres it like MNIST
const CANVAS = 224;

function TrainingRun({ epochs, trainLimit, locale, onTrained }: { epochs: number; trainLimit: number; locale: DemoViewProps<"mnist-cnn">["locale"]; onTrained: () => void }) {
  const t = translator(lateDemoMessages, locale);
  const l = translator(lessonMessages, locale);
  const reported = useRef(false);
  const { state, status } = useDemoRun<MnistFrame, TrainState>("mnist-cnn", { action: "train", epochs, trainLimit }, NO_OWN, reduceTrain, trainInit, 0);
  if (state.trained && !reported.current) {
    reported.current = true;
    queueMicrotask(onTrained);
  }
  const lastBatch = state.batches.at(-1);
  const lastEpoch = state.epochs.at(-1);
  return (
    <div className="demo-train" data-testid="mnist-training" data-status={state.trained ? "trained" : status.kind}>
      <div className="demo-plots two">
        {lastBatch ? (
          <LineChart
            title={t("cnnLossChart")}
            summary={t("cnnLossSummary", { step: lastBatch.step, loss: r3(lastBatch.loss), first: r3(state.batches[0]?.loss) })}
            tableLabel={l("dataTable")}
            xLabel={t("cnnBatch")}
            x={state.batches.map((b) => b.step)}
            series={[{ label: t("cnnLoss"), values: state.batches.map((b) => b.loss), color: "#c2410c" }]}
          />
        ) : null}
        {lastEpoch ? (
          <LineChart
            title={t("cnnAccChart")}
            summary={t("cnnAccSummary", { epoch: lastEpoch.epoch + 1, train: percent(lastEpoch.accuracy), test: percent(lastEpoch.testAccuracy) })}
            tableLabel={l("dataTable")}
            xLabel={t("cnnEpoch")}
            x={state.epochs.map((e) => e.epoch + 1)}
            series={[
              { label: t("cnnTrainAcc"), values: state.epochs.map((e) => e.accuracy), color: "#1f2937", dash: true },
              { label: t("cnnTestAcc"), values: state.epochs.map((e) => e.testAccuracy), color: "#047857" },
            ]}
          />
        ) : null}
      </div>
      {state.trained ? (
        <p className="small" data-testid="mnist-trained" data-train-seconds={state.trained.trainSeconds} data-test-accuracy={state.trained.testAccuracy}>
          {state.trained.saveError === undefined
            ? t("cnnTrained", { train: state.trained.trainExamples, seconds: state.trained.trainSeconds.toFixed(1), acc: percent(state.trained.testAccuracy), test: state.trained.testExamples, kb: Math.round((state.trained.savedBytes ?? 0) / 1024) })
            : t("cnnSaveFailed", { error: state.trained.saveError })}
        </p>
      ) : (
        <p className="small muted">{t("cnnTraining")}</p>
      )}
    </div>
  );
}

function MapsOf({ layer, t, tableLabel }: { layer: LayerMaps; t: ReturnType<typeof translator<keyof (typeof lateDemoMessages)["en"]>>; tableLabel: string }) {
  const first = layer.maps[0];
  const h = first?.length ?? 0;
  const w = first?.[0]?.length ?? 0;
  let max = -Infinity;
  let ch = 0;
  layer.maps.forEach((m, i) => {
    const v = Math.max(...m.flat());
    if (v > max) [max, ch] = [v, i + 1];
  });
  return (
    <Heatmap
      title={t("cnnMaps", { layer: layer.layer, shown: layer.maps.length, channels: layer.channels, h, w })}
      summary={t("cnnMapsSummary", { layer: layer.layer, channels: layer.channels, h, w, max: r3(max), ch })}
      tableLabel={tableLabel}
      values={tileMaps(layer.maps, 4)}
      scale="sequential"
      cell={h > 12 ? 2 : 4}
      maxTableCells={0}
    />
  );
}

export default function MnistCnnDemo({ params, locale, own, ownPanel }: DemoViewProps<"mnist-cnn">) {
  const t = translator(lateDemoMessages, locale);
  const l = translator(lessonMessages, locale);
  const [sample, setSample] = useState(params.sample);
  const [epochs, setEpochs] = useState(params.epochs);
  const [trainLimit, setTrainLimit] = useState(params.trainLimit);
  const [drawing, setDrawing] = useState<number[] | undefined>(undefined);
  const [training, setTraining] = useState(0);
  const [modelGeneration, setModelGeneration] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawingNow = useRef(false);
  const inspectParams = { action: "inspect", sample, epochs, trainLimit, model: modelGeneration, ...(drawing ? { drawing, drawingSize: DRAW } : {}) };
  const { state, status, rerun } = useDemoRun<MnistFrame, InspectState>("mnist-cnn", inspectParams, own, reduceInspect, inspectInit, 120);
  const ins = state.inspect;

  const readDrawing = useCallback(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    const pixels = ctx.getImageData(0, 0, c.width, c.height).data;
    const block = c.width / DRAW;
    const ink = new Array<number>(DRAW * DRAW).fill(0);
    for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) ink[Math.floor(y / block) * DRAW + Math.floor(x / block)]! += (pixels[(y * c.width + x) * 4 + 3] ?? 0) / 255 / (block * block);
    setDrawing(ink.map((v) => Math.round(Math.min(1, v) * 1000) / 1000));
  }, []);
  const stroke = (e: PointerEvent<HTMLCanvasElement>, start: boolean) => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    const r = c.getBoundingClientRect();
    const [x, y] = [((e.clientX - r.left) / r.width) * c.width, ((e.clientY - r.top) / r.height) * c.height];
    ctx.lineWidth = c.width / 14;
    ctx.lineCap = "round";
    ctx.strokeStyle = "#111";
    if (start) {
      ctx.beginPath();
      ctx.moveTo(x, y);
    }
    ctx.lineTo(x, y);
    ctx.stroke();
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext("2d")?.clearRect(0, 0, c.width, c.height);
    setDrawing(undefined);
  };
  const predicted = ins ? ins.probabilities.indexOf(Math.max(...ins.probabilities)) : 0;
  return (
    <DemoShell
      name="mnist-cnn"
      title={t("cnnTitle")}
      locale={locale}
      status={status}
      checks={state.checks}
      onRerun={rerun}
      ownPanel={ownPanel}
      controls={
        <>
          <Slider label={t("cnnSample")} value={sample} min={0} max={999} step={1} onChange={(v) => (setSample(v), clear())} />
          <Slider label={t("cnnEpochs")} value={epochs} min={1} max={8} step={1} onChange={setEpochs} />
          <Slider label={t("cnnTrainLimit")} value={trainLimit} min={500} max={9000} step={500} onChange={setTrainLimit} />
          <button type="button" className="btn btn-primary btn-small" data-testid="mnist-train" onClick={() => setTraining((n) => n + 1)}>
            {t("cnnTrain")}
          </button>
        </>
      }
    >
      <div className="demo-plots two">
        <div className="demo-draw">
          <canvas
            ref={canvas}
            width={CANVAS}
            height={CANVAS}
            role="img"
            aria-label={t("cnnDraw")}
            className="demo-draw-pad"
            style={{ touchAction: "none" }}
            onPointerDown={(e) => {
              drawingNow.current = true;
              e.currentTarget.setPointerCapture(e.pointerId);
              stroke(e, true);
            }}
            onPointerMove={(e) => (drawingNow.current ? stroke(e, false) : undefined)}
            onPointerUp={() => {
              drawingNow.current = false;
              readDrawing();
            }}
          />
          <p className="small muted">{t("cnnDraw")}</p>
          <button type="button" className="btn btn-secondary btn-small" onClick={clear}>
            {drawing ? t("cnnUseSample") : t("cnnClear")}
          </button>
        </div>
        {ins ? (
          <Heatmap title={t("cnnInput")} summary={t("cnnInputSummary")} tableLabel={l("dataTable")} values={ins.image} scale="sequential" range={[0, 1]} cell={6} maxTableCells={0} />
        ) : null}
      </div>
      {ins ? (
        <>
          <p className="small" data-testid="mnist-source" data-source={ins.source}>
            {ins.source === "untrained" ? t("cnnSourceUntrained") : ins.source === "saved" ? t("cnnSourceSaved") : t("cnnSourceTrained")}
          </p>
          <LineChart
            title={t("cnnPrediction")}
            summary={t("cnnPredictionSummary", { digit: predicted, p: percent(ins.probabilities[predicted] ?? 0), truth: ins.label === undefined ? "" : t("cnnTruth", { label: ins.label }) })}
            tableLabel={l("dataTable")}
            xLabel={t("digitLabel")}
            x={ins.probabilities.map((_, i) => i)}
            series={[{ label: t("probability"), values: ins.probabilities, color: "#1d4ed8" }]}
            yRange={[0, 1]}
            points
            height={160}
          />
          <div className="demo-plots two" data-maps-shown={MAPS_SHOWN}>
            {ins.layers.map((layer) => (
              <MapsOf key={layer.layer} layer={layer} t={t} tableLabel={l("dataTable")} />
            ))}
          </div>
        </>
      ) : null}
      {training > 0 ? <TrainingRun key={training} epochs={epochs} trainLimit={trainLimit} locale={locale} onTrained={() => setModelGeneration((g) => g + 1)} /> : null}
    </DemoShell>
  );
}
