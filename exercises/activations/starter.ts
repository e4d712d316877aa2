import * as tf from "@tensorflow/tfjs";

// TODO: implement each activation and its derivative element-wise (float32, finite for |x| <= 1e4).
export const relu = (x: tf.Tensor): tf.Tensor => tf.zerosLike(x);
export const sigmoid = (x: tf.Tensor): tf.Tensor => tf.zerosLike(x);
export const tanh = (x: tf.Tensor): tf.Tensor => tf.zerosLike(x);
export const reluGrad = (x: tf.Tensor): tf.Tensor => tf.zerosLike(x);
export const sigmoidGrad = (x: tf.Tensor): tf.Tensor => tf.zerosLike(x);
export const tanhGrad = (x: tf.Tensor): tf.Tensor => tf.zerosLike(x);
