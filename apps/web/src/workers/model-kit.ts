/**
 * The model-kit code the demo worker uses, imported by file: the kit's index also selects Node
 * backends (node:module), which a browser bundle cannot carry. These modules import only tfjs.
 */
export * as reference from "../../../../packages/model-kit/src/reference/index.ts";
export { createRng, type Rng } from "../../../../packages/model-kit/src/rng.ts";
