// Style: rank-general layer (flattens all leading dimensions for one matMul, reshapes back), activation as a function picked in the constructor, weights found by name in call.
import * as tf from "@tensorflow/tfjs";

const ACTIVATIONS = {
  linear: (t: tf.Tensor) => t,
  relu: (t: tf.Tensor) => tf.relu(t),
};

export class MyDense extends tf.layers.Layer {
  static className = "MyDense";
  private readonly config: { units: number; activation: keyof typeof ACTIVATIONS };
  private readonly act: (t: tf.Tensor) => tf.Tensor;

  constructor(config: { units: number; activation?: keyof typeof ACTIVATIONS }) {
    super(config as object);
    this.config = { units: config.units, activation: config.activation ?? "linear" };
    this.act = ACTIVATIONS[this.config.activation];
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = inputShape as tf.Shape;
    this.addWeight("kernel", [shape[shape.length - 1]!, this.config.units], "float32", tf.initializers.glorotNormal({ seed: 1 }));
    this.addWeight("bias", [this.config.units], "float32", tf.initializers.zeros());
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = inputShape as tf.Shape;
    return shape.slice(0, -1).concat([this.config.units]);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const [kernel, bias] = this.trainableWeights.map((w) => w.read());
      const flat = tf.reshape(x, [-1, x.shape[x.shape.length - 1]!]) as tf.Tensor2D;
      const y = tf.add(tf.matMul(flat, kernel as tf.Tensor2D), bias!);
      return this.act(tf.reshape(y, [...x.shape.slice(0, -1), this.config.units]));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return Object.assign({}, super.getConfig(), this.config);
  }
}

tf.serialization.registerClass(MyDense);
