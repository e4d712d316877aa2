// Style: element-wise JS Math in float64 over dataSync(), one float32 tensor back per call.
import * as tf from "@tensorflow/tfjs";

function map(x: tf.Tensor, f: (v: number) => number): tf.Tensor {
  const src = x.dataSync();
  const out = new Array<number>(src.length);
  for (let i = 0; i < src.length; i++) out[i] = f(src[i]!);
  return tf.tensor(out, x.shape, "float32");
}

const sig = (v: number) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));

export const relu = (x: tf.Tensor) => map(x, (v) => (v > 0 ? v : 0));
export const sigmoid = (x: tf.Tensor) => map(x, sig);
export const tanh = (x: tf.Tensor) => map(x, Math.tanh);
export const reluGrad = (x: tf.Tensor) => map(x, (v) => (v > 0 ? 1 : 0));
export const sigmoidGrad = (x: tf.Tensor) => map(x, (v) => sig(v) * (1 - sig(v)));
export const tanhGrad = (x: tf.Tensor) => map(x, (v) => 1 - Math.tanh(v) ** 2);
