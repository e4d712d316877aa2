import * as tf from "@tensorflow/tfjs";

// Projects all inputs at once ([N·T, D]·wx), then loops only over the recurrence.
export function rnnStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D) {
  return x.matMul(wx).add(hPrev.matMul(wh)).add(b).tanh() as tf.Tensor2D;
}

export function rnnForward(x: tf.Tensor3D, h0: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D) {
  const [n, t, d] = x.shape;
  const hidden = wx.shape[1];
  const projected = x.reshape([n * t, d]).matMul(wx).add(b).reshape([n, t, hidden]);
  const out: tf.Tensor[] = [];
  let h: tf.Tensor2D = h0;
  for (let s = 0; s < t; s++) {
    const xs = projected.slice([0, s, 0], [n, 1, hidden]).reshape([n, hidden]);
    h = xs.add(h.matMul(wh)).tanh() as tf.Tensor2D;
    out.push(h.expandDims(1));
  }
  return tf.concat(out, 1) as tf.Tensor3D;
}
