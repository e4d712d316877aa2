/** Messages between the lesson page and the sample worker (src/workers/sample.worker.ts). */

/** The line every lesson's first sample starts with; later samples get it prepended to run alone. */
export const TF_IMPORT_LINE = 'import * as tf from "@tensorflow/tfjs";';

export type SampleRequest = { type: "run"; code: string };
export type SampleResponse = { type: "result"; lines: string[]; error?: string };

/** A sample's source as a module of its own (samples after the first use `tf` without importing it). */
export function sampleModuleSource(source: string): string {
  return source.includes(TF_IMPORT_LINE) ? source : `${TF_IMPORT_LINE}\n${source}`;
}
