import type * as NodeFs from "node:fs/promises";
import { decodeMnistAsset, type MnistData } from "./format.ts";

/**
 * Where the committed asset is. Under Node a file: URL; a browser bundle should fetch the URL its
 * app serves instead (see fetchMnist).
 */
export const MNIST_ASSET_FILE = "mnist-10k.u8.gz";
// A literal specifier, so a bundler (webpack in the web app's workers) can emit the file as an asset.
export const mnistAssetUrl = (): URL => new URL("../../data/mnist-10k.u8.gz", import.meta.url);

/** Reads the asset from this package's data folder (Node only). */
export async function readMnist(): Promise<MnistData> {
  // Kept out of browser bundles: the bundler must not try to resolve a Node built-in.
  const { readFile } = (await import(/* webpackIgnore: true */ /* @vite-ignore */ "node:fs/promises" as string)) as typeof NodeFs;
  return decodeMnistAsset(await readFile(mnistAssetUrl()));
}

/** Fetches and decodes the asset from a URL (a browser page or worker). */
export async function fetchMnist(url: string | URL, init?: RequestInit): Promise<MnistData> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`MNIST asset: ${String(url)} answered ${response.status}`);
  return decodeMnistAsset(await response.arrayBuffer());
}
