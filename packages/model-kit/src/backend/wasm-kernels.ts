import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

/**
 * Kernels the wasm backend (4.22) lacks but training a small CNN needs. Each is built from ops the
 * wasm backend has natively (pad, transpose, conv2d, slice, oneHot, matMul), so it runs at wasm speed.
 * Conv2DBackpropFilter uses the convolution form (about 10x faster here than the im2col form, which
 * is kept as an independent second implementation for tests and teaching).
 */

type OpCompute = (inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>) => tf.Tensor;

/**
 * Wrap tensor-level code as a wasm kernel. Inputs are wrapped as tensors without taking ownership
 * (their backend ref count is raised for the duration), intermediates are freed by tidy, and the
 * result is copied into a fresh wasm output so the engine owns it alone.
 */
function opKernel(kernelName: string, compute: OpCompute): tf.KernelConfig {
  return {
    kernelName,
    backendName: "wasm",
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as BackendWasm;
      const result = tf.tidy(() => {
        const wrapped: Record<string, tf.Tensor> = {};
        for (const [name, info] of Object.entries(inputs)) {
          if (info === undefined) continue;
          wasm.incRef(info.dataId);
          wrapped[name] = tf.engine().makeTensorFromTensorInfo(info, wasm);
        }
        return compute(wrapped, attrs as Record<string, unknown>);
      });
      try {
        return wasm.makeOutput(result.shape, result.dtype, undefined, result.dataSync());
      } finally {
        result.dispose();
      }
    },
  };
}

/**
 * dW of conv2d by im2col: patches [N·OH·OW, KH·KW·Cin] (one strided slice of the padded input per
 * filter tap, concatenated in (kh, kw, cin) order), then patchesᵀ · dy → [KH, KW, Cin, Cout].
 */
export function conv2dBackpropFilterIm2col(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding,
  dimRoundingMode?: "floor" | "round" | "ceil",
): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode, false, "channelsLast");
    const { top, bottom, left, right } = info.padInfo;
    const [n] = x.shape;
    const { outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth, inChannels, outChannels } = info;
    const xp = top || bottom || left || right ? tf.pad(x, [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]]) : x;
    const taps: tf.Tensor[] = [];
    for (let kh = 0; kh < filterHeight; kh++) {
      for (let kw = 0; kw < filterWidth; kw++) {
        const begin = [0, kh, kw, 0];
        const end = [n, kh + (outHeight - 1) * strideHeight + 1, kw + (outWidth - 1) * strideWidth + 1, inChannels];
        taps.push(tf.stridedSlice(xp, begin, end, [1, strideHeight, strideWidth, 1]));
      }
    }
    const rows = n * outHeight * outWidth;
    const patches = taps.length === 1 ? (taps[0] as tf.Tensor) : tf.concat(taps, 3);
    const dW = tf.matMul(
      tf.reshape(patches, [rows, filterHeight * filterWidth * inChannels]) as tf.Tensor2D,
      tf.reshape(dy, [rows, outChannels]) as tf.Tensor2D,
      true,
      false,
    );
    return tf.reshape(dW, filterShape) as tf.Tensor4D;
  });
}

/**
 * dW of conv2d as one native convolution: with the batch and channel axes swapped,
 * dW[kh,kw,ci,co] = Σ_{oh,ow,n} xpadᵀ[ci, kh + oh·s, kw + ow·s, n] · dyᵀ[oh, ow, n, co], i.e. a
 * stride-1 convolution of xpadᵀ [Cin, Hp, Wp, N] by dyᵀ [OH, OW, N, Cout] dilated by the stride.
 */
export function conv2dBackpropFilterByConv(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: "valid" | "same" | number | tf.backend_util.ExplicitPadding,
  dimRoundingMode?: "floor" | "round" | "ceil",
): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode, false, "channelsLast");
    const { top, bottom, left, right } = info.padInfo;
    const { strideHeight, strideWidth, filterHeight, filterWidth, inChannels, outChannels } = info;
    const xp = top || bottom || left || right ? tf.pad(x, [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]]) : x;
    const xT = tf.transpose(xp, [3, 1, 2, 0]) as tf.Tensor4D; // [Cin, Hp, Wp, N]
    const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D; // [OH, OW, N, Cout]
    const full = tf.conv2d(xT, dyT, 1, "valid", "NHWC", [strideHeight, strideWidth]); // [Cin, >=KH, >=KW, Cout]
    const cropped = tf.slice(full, [0, 0, 0, 0], [inChannels, filterHeight, filterWidth, outChannels]);
    return tf.transpose(cropped, [1, 2, 0, 3]) as tf.Tensor4D;
  });
}

const conv2dBackpropFilter = opKernel("Conv2DBackpropFilter", (inputs, attrs) => {
  const { x, dy } = inputs as { x: tf.Tensor4D; dy: tf.Tensor4D };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (dataFormat === "NCHW") {
    // Rare in tfjs; go through NHWC.
    const xt = tf.transpose(x, [0, 2, 3, 1]) as tf.Tensor4D;
    const dyt = tf.transpose(dy, [0, 2, 3, 1]) as tf.Tensor4D;
    return conv2dBackpropFilterByConv(xt, dyt, filterShape, strides, pad, dimRoundingMode);
  }
  return conv2dBackpropFilterByConv(x, dy, filterShape, strides, pad, dimRoundingMode);
});

/**
 * Sum of x's leading-dim slices into numSegments buckets (the gradient of gather, so embedding
 * layers train on wasm): oneHot(ids)ᵀ · x. Ids outside [0, numSegments) are dropped, as in tfjs.
 */
export function unsortedSegmentSumOneHot(x: tf.Tensor, segmentIds: tf.Tensor, numSegments: number): tf.Tensor {
  return tf.tidy(() => {
    const lead = segmentIds.size;
    const rest = x.shape.slice(segmentIds.rank);
    const inner = rest.reduce((a, b) => a * b, 1);
    const onehot = tf.oneHot(tf.cast(tf.reshape(segmentIds, [lead]), "int32") as tf.Tensor1D, numSegments);
    const summed = tf.matMul(onehot, tf.reshape(tf.cast(x, "float32"), [lead, inner]) as tf.Tensor2D, true, false);
    const out = tf.reshape(summed, [numSegments, ...rest]);
    return x.dtype === "int32" ? tf.cast(tf.round(out), "int32") : out;
  });
}

const unsortedSegmentSum = opKernel("UnsortedSegmentSum", (inputs, attrs) => {
  const { x, segmentIds } = inputs as { x: tf.Tensor; segmentIds: tf.Tensor };
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
  return unsortedSegmentSumOneHot(x, segmentIds, numSegments);
});

type Pad = "valid" | "same" | number | tf.backend_util.ExplicitPadding;

function padded(x: tf.Tensor4D, info: tf.backend_util.Conv2DInfo): tf.Tensor4D {
  const { top, bottom, left, right } = info.padInfo;
  return top || bottom || left || right ? tf.pad(x, [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]]) : x;
}

/**
 * dW of a depthwise conv (filter [KH,KW,C,m]) as one native depthwise convolution: batch and channel
 * are merged into N·C channels, the output gradient is the (stride-dilated) filter, and the per-image
 * results are summed.
 */
export function depthwiseBackpropFilter(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  strides: number | [number, number],
  pad: Pad,
  dimRoundingMode?: "floor" | "round" | "ceil",
): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode, true, "channelsLast");
    const [n] = x.shape;
    const [kh, kw, c, m] = filterShape;
    const { outHeight, outWidth, strideHeight, strideWidth } = info;
    const xp = padded(x, info);
    const [, hp, wp] = xp.shape;
    const input = tf.reshape(tf.transpose(xp, [1, 2, 0, 3]), [1, hp, wp, n * c]) as tf.Tensor4D;
    const filt = tf.reshape(tf.transpose(tf.reshape(dy, [n, outHeight, outWidth, c, m]), [1, 2, 0, 3, 4]), [outHeight, outWidth, n * c, m]) as tf.Tensor4D;
    const full = tf.depthwiseConv2d(input, filt, 1, "valid", "NHWC", [strideHeight, strideWidth]);
    const [, fh, fw] = full.shape;
    const perImage = tf.reshape(full, [fh, fw, n, c, m]);
    return tf.sum(tf.slice(perImage, [0, 0, 0, 0, 0], [kh, kw, n, c, m]), 2) as tf.Tensor4D;
  });
}

/** dx of a depthwise conv: a transposed ordinary conv with the block-diagonal filter [KH,KW,C,C·m]. */
export function depthwiseBackpropInput(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  inputShape: [number, number, number, number],
  strides: number | [number, number],
  pad: Pad,
  dimRoundingMode?: "floor" | "round" | "ceil",
): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, c, m] = filter.shape;
    const eye = tf.reshape(tf.eye(c), [1, 1, c, c, 1]);
    const block = tf.reshape(tf.mul(tf.reshape(filter, [kh, kw, c, 1, m]), eye), [kh, kw, c, c * m]) as tf.Tensor4D;
    if (typeof pad !== "string" && typeof pad !== "number") {
      throw new RangeError("explicit per-side padding is not supported by the wasm depthwise input gradient");
    }
    return tf.conv2dTranspose(dy, block, inputShape, strides, pad, dimRoundingMode);
  });
}

function assertNoDilation(dilations: number | [number, number] | undefined, kernel: string): void {
  const d = typeof dilations === "number" ? [dilations, dilations] : (dilations ?? [1, 1]);
  if (d[0] !== 1 || d[1] !== 1) throw new RangeError(`${kernel} on wasm: dilations > 1 are not supported (nor by tfjs's own gradient)`);
}

const depthwiseFilterKernel = opKernel("DepthwiseConv2dNativeBackpropFilter", (inputs, attrs) => {
  const { x, dy } = inputs as { x: tf.Tensor4D; dy: tf.Tensor4D };
  const a = attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  assertNoDilation(a.dilations, "DepthwiseConv2dNativeBackpropFilter");
  return depthwiseBackpropFilter(x, dy, a.filterShape, a.strides, a.pad, a.dimRoundingMode);
});

const depthwiseInputKernel = opKernel("DepthwiseConv2dNativeBackpropInput", (inputs, attrs) => {
  const { dy, filter } = inputs as { dy: tf.Tensor4D; filter: tf.Tensor4D };
  const a = attrs as unknown as tf.DepthwiseConv2dNativeBackpropInputAttrs;
  assertNoDilation(a.dilations, "DepthwiseConv2dNativeBackpropInput");
  return depthwiseBackpropInput(dy, filter, a.inputShape, a.strides, a.pad as Pad, a.dimRoundingMode);
});

/** The kernels this module adds, by name. */
export const WASM_GRADIENT_KERNELS: readonly tf.KernelConfig[] = [conv2dBackpropFilter, unsortedSegmentSum, depthwiseFilterKernel, depthwiseInputKernel];

/**
 * Register the kernels the wasm backend lacks (idempotent; a kernel the backend already has, natively
 * or from an earlier call, is left alone). Returns the names registered by this call.
 */
export function registerWasmGradientKernels(): string[] {
  const added: string[] = [];
  for (const k of WASM_GRADIENT_KERNELS) {
    if (tf.getKernel(k.kernelName, "wasm") !== undefined) continue;
    tf.registerKernel(k);
    added.push(k.kernelName);
  }
  return added;
}
