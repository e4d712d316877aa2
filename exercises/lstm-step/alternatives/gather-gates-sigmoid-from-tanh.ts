// Async; gate columns picked with tf.gather; sigmoid as 0.5·(1 + tanh(z/2)) and the cell's tanh as sign(c)·(1 − e^(−2|c|)) / (1 + e^(−2|c|)); no tidy.
import * as tf from "@tensorflow/tfjs";

const sigmoid = (z: tf.Tensor): tf.Tensor => tf.mul(0.5, tf.add(1, tf.tanh(tf.div(z, 2))));
const tanhOfCell = (c: tf.Tensor): tf.Tensor => {
  const e = tf.exp(tf.mul(-2, tf.abs(c))); // in (0, 1]: never overflows
  return tf.mul(tf.sign(c), tf.div(tf.sub(1, e), tf.add(1, e)));
};

export async function lstmStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D) {
  const hid = hPrev.shape[1];
  const z = x.matMul(wx).add(hPrev.matMul(wh)).add(b);
  const block = (k: number): tf.Tensor => tf.gather(z, Array.from({ length: hid }, (_, j) => k * hid + j), 1);
  const i = sigmoid(block(0));
  const f = sigmoid(block(1));
  const o = sigmoid(block(2));
  const g = tf.tanh(block(3));
  const c = f.mul(cPrev).add(i.mul(g)) as tf.Tensor2D;
  const h = o.mul(tanhOfCell(c)) as tf.Tensor2D;
  return { h, c };
}
