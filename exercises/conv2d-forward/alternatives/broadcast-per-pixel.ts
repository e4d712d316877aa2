// Tensor broadcasting, no matMul and no tidy: each output pixel's window [N,KH,KW,Cin,1] times the filters, summed, then stacked.
import * as tf from "@tensorflow/tfjs";

export function conv2dForward(x: tf.Tensor4D, filters: tf.Tensor4D, bias: tf.Tensor1D, stride: number, pad: number): tf.Tensor4D {
  const [n, h, w, cin] = x.shape;
  const [kh, kw, , cout] = filters.shape;
  const ho = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const wo = Math.floor((w + 2 * pad - kw) / stride) + 1;
  const xp = tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
  const rows: tf.Tensor[] = [];
  for (let i = 0; i < ho; i++) {
    const cols: tf.Tensor[] = [];
    for (let j = 0; j < wo; j++) {
      const win = xp.slice([0, i * stride, j * stride, 0], [n, kh, kw, cin]).expandDims(4);
      cols.push(win.mul(filters.expandDims(0)).sum([1, 2, 3])); // [N, Cout]
    }
    rows.push(tf.stack(cols, 1)); // [N, Wout, Cout]
  }
  return tf.stack(rows, 1).add(bias.reshape([1, 1, 1, cout])) as tf.Tensor4D;
}
