// Reference implementations of the course catalogue (COURSE.md), float32 tfjs, full API.
export * from "./activations.ts";
export * from "./attention.ts";
export * from "./blocks.ts";
export * from "./conv.ts";
export * from "./data.ts";
export * from "./dense.ts";
export * from "./gan.ts";
export * from "./gradient-check.ts";
export * from "./optim.ts";
export * from "./rnn.ts";
export * from "./softmax.ts";
export * from "./transformer.ts";
