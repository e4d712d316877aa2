import * as tf from "@tensorflow/tfjs";

/** table[ids]: ids int32[N,T], table[V,D] → [N,T,D]. */
export function embeddingForward(ids: tf.Tensor, table: tf.Tensor): tf.Tensor3D {
  return tf.tidy(() => tf.gather(table, tf.cast(ids, "int32")) as tf.Tensor3D);
}

/** Scatter-add of dOut[N,T,D] rows into a [vocabSize, D] gradient; repeated ids accumulate. */
export function embeddingBackward(dOut: tf.Tensor, ids: tf.Tensor, vocabSize: number): tf.Tensor2D {
  const d = dOut.shape[dOut.rank - 1] as number;
  return tf.tidy(
    () => tf.unsortedSegmentSum(tf.reshape(dOut, [-1, d]), tf.cast(tf.reshape(ids, [-1]), "int32") as tf.Tensor1D, vocabSize) as tf.Tensor2D,
  );
}

/** Identity forward; the backward pass clips the incoming gradient to [-clip, clip]. */
export function clipGradient(x: tf.Tensor, clip: number): tf.Tensor {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const t = args[0] as tf.Tensor;
    return { value: tf.clone(t), gradFunc: (dy: tf.Tensor) => tf.clipByValue(dy, -clip, clip) };
  });
  return f(x);
}

/** |∂ sum(f(x)) / ∂x| element-wise. */
export function inputSaliency(f: (x: tf.Tensor2D) => tf.Tensor1D, x: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => tf.abs(tf.grad((xx: tf.Tensor) => tf.sum(f(xx as tf.Tensor2D)))(x)) as tf.Tensor2D);
}

/** Save through an in-memory IO handler and load the model back. */
export async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (artifacts === undefined) throw new Error("model.save did not hand over its artifacts");
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

export interface MyDenseArgs {
  units: number;
  activation?: "relu" | "linear";
  /** Passed to tf.layers.Layer, so the layer can open a tf.sequential model. */
  inputShape?: number[];
  batchInputShape?: (number | null)[];
  name?: string;
}

/**
 * Reference dense layer (kernel [in, units] then bias [units]). Registered as "ReferenceMyDense" so
 * it never collides with a student's class named "MyDense".
 */
export class MyDense extends tf.layers.Layer {
  static className = "ReferenceMyDense";
  readonly units: number;
  readonly activation: "relu" | "linear";
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;

  constructor(args: MyDenseArgs) {
    super({ inputShape: args.inputShape, batchInputShape: args.batchInputShape, name: args.name });
    if (!Number.isInteger(args.units) || args.units < 1) throw new RangeError("units must be a positive integer");
    this.units = args.units;
    this.activation = args.activation ?? "linear";
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inDim = shape[shape.length - 1] as number;
    this.kernel = this.addWeight("kernel", [inDim, this.units], "float32", tf.initializers.glorotUniform({}));
    this.bias = this.addWeight("bias", [this.units], "float32", tf.initializers.zeros());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;
      if (this.kernel === undefined || this.bias === undefined) throw new Error("MyDense used before build");
      const y = tf.add(tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D), this.bias.read());
      return this.activation === "relu" ? tf.relu(y) : y;
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, activation: this.activation };
  }
}
tf.serialization.registerClass(MyDense);
