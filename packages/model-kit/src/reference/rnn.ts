import * as tf from "@tensorflow/tfjs";
import { assertRank } from "./util.ts";

/** tanh(x·wx + hPrev·wh + b). */
export function rnnStep(x: tf.Tensor, hPrev: tf.Tensor, wx: tf.Tensor, wh: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() =>
    tf.tanh(tf.add(tf.add(tf.matMul(x as tf.Tensor2D, wx as tf.Tensor2D), tf.matMul(hPrev as tf.Tensor2D, wh as tf.Tensor2D)), b)) as tf.Tensor2D,
  );
}

/** Runs rnnStep over x[N,T,D] from h0; returns every hidden state, [N,T,H]. */
export function rnnForward(x: tf.Tensor, h0: tf.Tensor, wx: tf.Tensor, wh: tf.Tensor, b: tf.Tensor): tf.Tensor3D {
  assertRank(x, 3, "x");
  return tf.tidy(() => {
    const steps = tf.unstack(x, 1);
    let h = h0;
    const hs: tf.Tensor[] = [];
    for (const xt of steps) {
      h = rnnStep(xt, h, wx, wh, b);
      hs.push(h);
    }
    return tf.stack(hs, 1) as tf.Tensor3D;
  });
}

/** One LSTM step, gates in the order input, forget, output, candidate (i, f, o, g). */
export function lstmStep(
  x: tf.Tensor,
  hPrev: tf.Tensor,
  cPrev: tf.Tensor,
  wx: tf.Tensor,
  wh: tf.Tensor,
  b: tf.Tensor,
): { h: tf.Tensor2D; c: tf.Tensor2D } {
  return tf.tidy(() => {
    const z = tf.add(tf.add(tf.matMul(x as tf.Tensor2D, wx as tf.Tensor2D), tf.matMul(hPrev as tf.Tensor2D, wh as tf.Tensor2D)), b);
    const [zi, zf, zo, zg] = tf.split(z, 4, 1) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const c = tf.add(tf.mul(tf.sigmoid(zf), cPrev), tf.mul(tf.sigmoid(zi), tf.tanh(zg))) as tf.Tensor2D;
    const h = tf.mul(tf.sigmoid(zo), tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  });
}
