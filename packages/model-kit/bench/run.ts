import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { BACKEND_NAMES, lastBackendAttempts, selectBackend, type BackendName } from "../src/backend/select.ts";
import { createRng } from "../src/rng.ts";
import { blobs, quadrantImages, smallCnn, smallMlp } from "../src/synthetic.ts";
import { trainLoop } from "../src/train.ts";

export const ModelKitBenchResultSchema = z.object({
  suite: z.literal("model-kit"),
  node: z.string(),
  tfjs: z.string(),
  date: z.string(),
  quick: z.boolean(),
  backends: z.array(z.object({ name: z.enum(["tensorflow", "wasm", "cpu"]), available: z.boolean(), reason: z.string().optional() })),
  cases: z.array(
    z.object({
      name: z.string(),
      detail: z.string(),
      /** Median wall time in ms per backend; null where the backend is unavailable. */
      ms: z.record(z.string(), z.number().nullable()),
      /**
       * Median process CPU time (user + system) in ms per backend. tfjs runs single-threaded here
       * (wasm threads are off in Node), so this is robust to other processes loading the machine.
       */
      cpuMs: z.record(z.string(), z.number().nullable()),
      /** wasm wall time ÷ cpu-backend wall time (below 1 means wasm is faster); null if either is missing. */
      wasmOverCpu: z.number().nullable(),
      /** The same ratio on process CPU time. */
      wasmOverCpuCpuTime: z.number().nullable(),
    }),
  ),
});
export type ModelKitBenchResult = z.infer<typeof ModelKitBenchResultSchema>;

export interface ModelKitBenchOptions {
  /** Smaller workloads (for CI smoke runs); default false. */
  quick?: boolean;
  backends?: BackendName[];
  /** Called before each measurement, e.g. to print progress. */
  onProgress?: (message: string) => void;
}

interface BenchCase {
  name: string;
  detail: string;
  /** Builds the workload on the current backend; returns the timed step and a cleanup. */
  setup: () => { run: () => Promise<void>; warmup?: () => Promise<void>; dispose: () => void; reps: number };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timeMedian(run: () => Promise<void>, reps: number, warmup: () => Promise<void> = run): Promise<{ wall: number; cpu: number }> {
  await warmup(); // kernels compiled, buffers and optimizer slots allocated
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function matmulCase(n: number): BenchCase {
  return {
    name: `matmul ${n}`,
    detail: `[${n},${n}]·[${n},${n}] float32, incl. read-back`,
    setup: () => {
      const rng = createRng(n);
      const a = rng.normal([n, n]) as tf.Tensor2D;
      const b = rng.normal([n, n]) as tf.Tensor2D;
      return {
        reps: 5,
        run: async () => {
          const c = tf.matMul(a, b);
          await c.data();
          c.dispose();
        },
        dispose: () => tf.dispose([a, b]),
      };
    },
  };
}

function convCases(quick: boolean): BenchCase[] {
  const xShape: [number, number, number, number] = quick ? [1, 32, 32, 16] : [1, 64, 64, 16];
  const fShape: [number, number, number, number] = [3, 3, 16, 32];
  const detail = `x [${xShape.join(",")}] × f [${fShape.join(",")}], stride 1, same`;
  const make = (backward: boolean) => () => {
    const rng = createRng(3);
    const x = rng.normal(xShape) as tf.Tensor4D;
    const f = rng.normal(fShape) as tf.Tensor4D;
    const g = tf.grads((xx: tf.Tensor, ff: tf.Tensor) => tf.sum(tf.conv2d(xx as tf.Tensor4D, ff as tf.Tensor4D, 1, "same")));
    return {
      reps: 5,
      run: async () => {
        if (backward) {
          const [dx, df] = g([x, f]);
          await Promise.all([dx!.data(), df!.data()]);
          tf.dispose([dx!, df!]);
        } else {
          const y = tf.conv2d(x, f, 1, "same");
          await y.data();
          y.dispose();
        }
      },
      dispose: () => tf.dispose([x, f]),
    };
  };
  return [
    { name: "conv2d forward", detail, setup: make(false) },
    { name: "conv2d backward", detail: `${detail}; dx and dFilters`, setup: make(true) },
  ];
}

function trainingCase(kind: "mlp" | "cnn", quick: boolean): BenchCase {
  const n = kind === "mlp" ? (quick ? 512 : 2048) : quick ? 64 : 256;
  const detail =
    kind === "mlp"
      ? `${n} × 32 features, 32→128→10 relu/softmax, batch 64, Adam`
      : `${n} × 28×28×1, conv8-pool-conv16-pool-dense4, batch 32, Adam`;
  return {
    name: kind === "mlp" ? "MLP epoch" : "CNN epoch",
    detail,
    setup: () => {
      const data = kind === "mlp" ? blobs(n, 32, 10, 1) : quadrantImages(n, 28, 1);
      const model = kind === "mlp" ? smallMlp(32, 128, 10, 1) : smallCnn(28, 4, 1);
      const optimizer = tf.train.adam(1e-3);
      const batchSize = kind === "mlp" ? 64 : 32;
      return {
        reps: kind === "mlp" ? 3 : 1,
        run: async () => {
          await trainLoop({ model, x: data.x, y: data.y, epochs: 1, batchSize, seed: 1, optimizer });
        },
        warmup: async () => {
          // One batch is enough to initialise kernels and the optimizer's slots.
          const [xb, yb] = tf.tidy(() => [data.x.slice(0, batchSize), data.y.slice(0, batchSize)]);
          await trainLoop({ model, x: xb!, y: yb!, epochs: 1, batchSize, seed: 1, optimizer });
          tf.dispose([xb!, yb!]);
        },
        dispose: () => {
          optimizer.dispose();
          model.dispose();
          tf.dispose([data.x, data.y]);
        },
      };
    },
  };
}

/** Runs every case on every available backend (tfjs-node, wasm, cpu) and returns the figures. */
export async function runModelKitBench(opts: ModelKitBenchOptions = {}): Promise<ModelKitBenchResult> {
  const quick = opts.quick ?? false;
  const wanted = opts.backends ?? [...BACKEND_NAMES];
  const cases: BenchCase[] = [matmulCase(256), matmulCase(512), ...convCases(quick), trainingCase("mlp", quick), trainingCase("cnn", quick)];
  const previous = tf.getBackend();
  const backends: ModelKitBenchResult["backends"] = [];
  const ms: Record<string, Record<string, number | null>> = Object.fromEntries(cases.map((c) => [c.name, {}]));
  const cpuMs: Record<string, Record<string, number | null>> = Object.fromEntries(cases.map((c) => [c.name, {}]));
  for (const name of wanted) {
    let available = true;
    try {
      await selectBackend({ prefer: [name] });
    } catch {
      available = false;
    }
    const reason = lastBackendAttempts()[0]?.reason;
    backends.push(available ? { name, available } : { name, available, ...(reason === undefined ? {} : { reason }) });
    for (const c of cases) {
      if (!available) {
        (ms[c.name] as Record<string, number | null>)[name] = null;
        (cpuMs[c.name] as Record<string, number | null>)[name] = null;
        continue;
      }
      opts.onProgress?.(`${name}: ${c.name}`);
      const w = c.setup();
      try {
        const t = await timeMedian(w.run, w.reps, w.warmup);
        (ms[c.name] as Record<string, number | null>)[name] = t.wall;
        (cpuMs[c.name] as Record<string, number | null>)[name] = t.cpu;
      } finally {
        w.dispose();
      }
    }
  }
  if (previous) await tf.setBackend(previous);
  const result: ModelKitBenchResult = {
    suite: "model-kit",
    node: process.version,
    tfjs: tf.version.tfjs,
    date: new Date().toISOString(),
    quick,
    backends,
    cases: cases.map((c) => {
      const m = ms[c.name] as Record<string, number | null>;
      const ct = cpuMs[c.name] as Record<string, number | null>;
      const ratio = (r: Record<string, number | null>): number | null => {
        const wasm = r.wasm ?? null;
        const cpu = r.cpu ?? null;
        return wasm !== null && cpu !== null && cpu > 0 ? wasm / cpu : null;
      };
      return { name: c.name, detail: c.detail, ms: m, cpuMs: ct, wasmOverCpu: ratio(m), wasmOverCpuCpuTime: ratio(ct) };
    }),
  };
  return ModelKitBenchResultSchema.parse(result);
}

/** A fixed-width table of the result, one row per case. */
export function formatBenchTable(r: ModelKitBenchResult): string {
  const names = r.backends.map((b) => b.name);
  const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? "n/a" : v >= 100 ? v.toFixed(0) : v.toFixed(2));
  const ratio = (v: number | null): string => (v === null ? "n/a" : `${v.toFixed(3)} (${(1 / v).toFixed(1)}x)`);
  const header = ["case", ...names.map((n) => `${n} wall/cpu-time ms`), "wasm/cpu wall", "wasm/cpu cpu-time"];
  const rows = r.cases.map((c) => [
    c.name,
    ...names.map((n) => (c.ms[n] === null || c.ms[n] === undefined ? "n/a" : `${fmt(c.ms[n])} / ${fmt(c.cpuMs[n])}`)),
    ratio(c.wasmOverCpu),
    ratio(c.wasmOverCpuCpuTime),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join("  ");
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  for (const b of r.backends) if (!b.available) out.push(`${b.name}: unavailable (${b.reason ?? "no reason given"})`);
  for (const c of r.cases) out.push(`${c.name}: ${c.detail}`);
  out.push(`node ${r.node}, tfjs ${r.tfjs}${r.quick ? ", quick workloads" : ""}`);
  return out.join("\n");
}
