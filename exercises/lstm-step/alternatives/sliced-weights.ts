import * as tf from "@tensorflow/tfjs";

// Four separate products with sliced weight blocks instead of one split.
export function lstmStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D) {
  const h = hPrev.shape[1];
  const gate = (k: number) =>
    x.matMul(wx.slice([0, k * h], [-1, h])).add(hPrev.matMul(wh.slice([0, k * h], [-1, h]))).add(b.slice([k * h], [h]));
  const i = gate(0).sigmoid();
  const f = gate(1).sigmoid();
  const o = gate(2).sigmoid();
  const g = gate(3).tanh();
  const c = f.mul(cPrev).add(i.mul(g)) as tf.Tensor2D;
  return { h: o.mul(c.tanh()) as tf.Tensor2D, c };
}
