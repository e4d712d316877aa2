import * as tf from "@tensorflow/tfjs";

// Forgets to register the class: loading a saved model fails.

type Activation = "relu" | "linear";
interface MyDenseArgs {
  units: number;
  activation?: Activation;
}

export class MyDense extends tf.layers.Layer {
  static className = "MyDense";
  readonly units: number;
  readonly activation: Activation;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(config: MyDenseArgs) {
    super(config as object);
    this.units = config.units;
    this.activation = config.activation ?? "linear";
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight("kernel", [inDim, this.units], "float32", tf.initializers.glorotUniform({}));
    this.bias = this.addWeight("bias", [this.units], "float32", tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const y = tf.add(tf.matMul(x as tf.Tensor2D, this.kernel!.read() as tf.Tensor2D), this.bias!.read());
      return this.activation === "relu" ? tf.relu(y) : y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, activation: this.activation };
  }
}

