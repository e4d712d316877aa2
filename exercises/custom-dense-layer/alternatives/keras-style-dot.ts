// Style: destructured constructor config, a static className getter, tf.dot for the product, relu as tf.maximum(y, 0), no tf.tidy.
import * as tf from "@tensorflow/tfjs";

export class MyDense extends tf.layers.Layer {
  static get className(): string {
    return "MyDense";
  }

  units: number;
  activation: string;
  w!: tf.LayerVariable;
  b!: tf.LayerVariable;

  constructor({ units, activation = "linear", ...rest }: { units: number; activation?: "relu" | "linear" } & Record<string, unknown>) {
    super(rest);
    this.units = units;
    this.activation = activation;
  }

  override build(inputShape: tf.Shape | tf.Shape[]) {
    const inDim = (inputShape as tf.Shape)[1] as number;
    this.w = this.addWeight("kernel", [inDim, this.units], "float32", tf.initializers.randomNormal({ stddev: 0.05 }), undefined, true);
    this.b = this.addWeight("bias", [this.units], "float32", tf.initializers.zeros(), undefined, true);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return [(inputShape as tf.Shape)[0] as number | null, this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]) {
    const x = (inputs instanceof tf.Tensor ? inputs : inputs[0]) as tf.Tensor2D;
    const y = tf.dot(x, this.w.read()).add(this.b.read());
    return this.activation === "relu" ? tf.maximum(y, 0) : y;
  }

  override getConfig() {
    const config = super.getConfig();
    Object.assign(config, { activation: this.activation, units: this.units });
    return config;
  }
}

tf.serialization.registerClass(MyDense);
