import * as tf from "@tensorflow/tfjs";

export class MyDense extends tf.layers.Layer {
  static className = "MyDense";

  constructor(config: { units: number; activation?: "relu" | "linear" }) {
    super(config as object);
    // TODO: store units and activation.
  }

  // TODO: build (kernel, then bias), call, computeOutputShape, getConfig.
}

tf.serialization.registerClass(MyDense);
