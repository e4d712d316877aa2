import { describe, expect, it } from "vitest";
import { decodeMnist, decodeMnistAsset, encodeMnist, gzip, type MnistData } from "./format.ts";

const tiny = (): MnistData => ({
  count: 3,
  rows: 2,
  cols: 2,
  classes: 10,
  labels: Uint8Array.from([7, 0, 9]),
  pixels: Uint8Array.from([0, 255, 1, 2, 3, 4, 5, 6, 250, 251, 252, 253]),
});

describe("MNIST asset format", () => {
  it("round-trips images and labels through encode, gzip and decode", async () => {
    const data = tiny();
    expect(await decodeMnistAsset(await gzip(encodeMnist(data)))).toEqual(data);
  });

  it("rejects bytes that are not an asset, with the reason", async () => {
    const bytes = encodeMnist(tiny());
    expect(() => decodeMnist(bytes.subarray(0, 5))).toThrow(/too short/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = "X".charCodeAt(0);
    expect(() => decodeMnist(wrongMagic)).toThrow(/not an MNIST asset/);
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 2;
    expect(() => decodeMnist(wrongVersion)).toThrow(/unsupported MNIST asset version/);
    expect(() => decodeMnist(bytes.subarray(0, bytes.length - 1))).toThrow(/header says/);
    const badLabel = bytes.slice();
    badLabel[12 + 1] = 10;
    expect(() => decodeMnist(badLabel)).toThrow(/label 10 of image 1 is outside \[0, 10\)/);
    await expect(decodeMnistAsset(bytes)).rejects.toThrow(/not valid gzip/);
  });

  it("refuses to encode inconsistent data", () => {
    expect(() => encodeMnist({ ...tiny(), labels: Uint8Array.from([1]) })).toThrow(/1 labels for 3 images/);
    expect(() => encodeMnist({ ...tiny(), pixels: new Uint8Array(5) })).toThrow(/5 pixels for 3 images/);
  });
});
