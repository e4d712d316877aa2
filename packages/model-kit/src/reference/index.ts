// Reference implementations of the course catalogue (COURSE.md), float32 tfjs, full API.
export * from "./activations.ts";
export * from "./attention.ts";
export * from "./dense.ts";
export * from "./softmax.ts";
