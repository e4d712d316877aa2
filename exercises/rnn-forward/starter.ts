import * as tf from "@tensorflow/tfjs";

export function rnnStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  // TODO: tanh(x·wx + hPrev·wh + b)
  void x;
  void wx;
  void wh;
  void b;
  return hPrev.clone();
}

export function rnnForward(x: tf.Tensor3D, h0: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  // TODO: run rnnStep over the time axis and stack h_1..h_T.
  const [n, t] = x.shape;
  void wh;
  void b;
  return tf.zeros([n, t, wx.shape[1]]).add(tf.zerosLike(h0).expandDims(1)) as tf.Tensor3D;
}
