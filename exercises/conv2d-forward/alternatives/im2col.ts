import * as tf from "@tensorflow/tfjs";

// im2col: gather every window into a row, then one big matrix product with the flattened filters.
export function conv2dForward(x: tf.Tensor4D, filters: tf.Tensor4D, bias: tf.Tensor1D, stride: number, pad: number) {
  const [n, h, w, cin] = x.shape;
  const [kh, kw, , cout] = filters.shape;
  const ho = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const wo = Math.floor((w + 2 * pad - kw) / stride) + 1;
  const xp = x.pad([[0, 0], [pad, pad], [pad, pad], [0, 0]]);
  const rows: tf.Tensor[] = [];
  for (let i = 0; i < ho; i++) {
    for (let j = 0; j < wo; j++) {
      rows.push(xp.slice([0, i * stride, j * stride, 0], [n, kh, kw, cin]).reshape([n, 1, kh * kw * cin]));
    }
  }
  const cols = tf.concat(rows, 1).reshape([n * ho * wo, kh * kw * cin]);
  const out = cols.matMul(filters.reshape([kh * kw * cin, cout]));
  return out.reshape([n, ho, wo, cout]).add(bias) as tf.Tensor4D;
}
