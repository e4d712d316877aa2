import * as tf from "@tensorflow/tfjs";

// tf.where-based relu and its derivative; tanh through tanh(x) = 2σ(2x) - 1.
export const relu = (x: tf.Tensor) => tf.where(tf.greater(x, 0), x, tf.zerosLike(x));
export const sigmoid = (x: tf.Tensor) => tf.exp(tf.neg(tf.log1p(tf.exp(tf.neg(x)))));
export const tanh = (x: tf.Tensor) => tf.sub(tf.mul(2, sigmoid(tf.mul(2, x))), 1);
export const reluGrad = (x: tf.Tensor) => tf.where(tf.greater(x, 0), tf.onesLike(x), tf.zerosLike(x));
export const sigmoidGrad = (x: tf.Tensor) => sigmoid(x).mul(sigmoid(tf.neg(x)));
export const tanhGrad = (x: tf.Tensor) => tf.sub(1, tanh(x).square());
