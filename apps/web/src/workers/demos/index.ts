/**
 * The worker side of every demo: name → computation. A computation receives its zod-parsed
 * parameters and a DemoContext (../demo-context.ts), emits plain-data frames for its view
 * (components/lessons/demos/<name>.tsx) and calls ctx.tick() often enough to stay cancellable.
 */
import type { DemoName } from "@course/lessons/browser";
import type { DemoComputation } from "../demo-context.ts";
import { attentionHeatmap } from "./attention-heatmap.ts";
import { gradientDescent } from "./gradient-descent.ts";
import { lstmUnrolled } from "./lstm-unrolled.ts";
import { neuron } from "./neuron.ts";
import { optimizerRace } from "./optimizer-race.ts";
import { positionalEncoding } from "./positional-encoding.ts";
import { xorMlp } from "./xor-mlp.ts";
import { crossValidation } from "./cross-validation.ts";
import { explainDigit } from "./explain-digit.ts";
import { fitCurves } from "./fit-curves.ts";
import { gan1d } from "./gan-1d.ts";
import { mnistCnn } from "./mnist-cnn.ts";
import { transformerReverse } from "./transformer-reverse.ts";

// Each computation is typed with its own frame type; the worker only forwards frames.
type AnyComputation<N extends DemoName> = DemoComputation<N, never>;

export const demoComputations: { [N in DemoName]?: AnyComputation<N> } = {
  neuron: neuron as AnyComputation<"neuron">,
  "gradient-descent": gradientDescent as AnyComputation<"gradient-descent">,
  "xor-mlp": xorMlp as AnyComputation<"xor-mlp">,
  "optimizer-race": optimizerRace as AnyComputation<"optimizer-race">,
  "lstm-unrolled": lstmUnrolled as AnyComputation<"lstm-unrolled">,
  "attention-heatmap": attentionHeatmap as AnyComputation<"attention-heatmap">,
  "positional-encoding": positionalEncoding as AnyComputation<"positional-encoding">,
  "transformer-reverse": transformerReverse as AnyComputation<"transformer-reverse">,
  "mnist-cnn": mnistCnn as AnyComputation<"mnist-cnn">,
  "gan-1d": gan1d as AnyComputation<"gan-1d">,
  "cross-validation": crossValidation as AnyComputation<"cross-validation">,
  "fit-curves": fitCurves as AnyComputation<"fit-curves">,
  "explain-digit": explainDigit as AnyComputation<"explain-digit">,
};
