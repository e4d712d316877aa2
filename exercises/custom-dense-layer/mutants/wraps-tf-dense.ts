import * as tf from "@tensorflow/tfjs";

// Banned: delegates to tf.layers.dense.
export class MyDense extends tf.layers.Layer {
  static className = "MyDense";
  private inner: tf.layers.Layer;
  constructor(config: { units: number; activation?: "relu" | "linear" }) {
    super(config as object);
    this.inner = tf.layers.dense({ units: config.units, activation: config.activation ?? "linear" });
  }
  override call(inputs: tf.Tensor | tf.Tensor[]) {
    return this.inner.apply(inputs) as tf.Tensor;
  }
}
tf.serialization.registerClass(MyDense);
