/**
 * The page side of every demo: name → lazily loaded view. A view's chunk (and uPlot with it) is
 * fetched only when its slot scrolls into view, so a lesson's own JavaScript stays small.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import type { DemoName, DemoParams } from "@course/lessons/browser";
import type { Locale } from "../../../lib/i18n/index.ts";
import type { OwnModule } from "../../../lib/lessons/demo-protocol.ts";

export interface DemoViewProps<N extends DemoName> {
  params: DemoParams<N>;
  locale: Locale;
  /** The reader's own modules switched on in `ownPanel` (empty: the reference runs). */
  own: OwnModule[];
  /** The own-code switches; the view places it (null when the demo has none). */
  ownPanel: ReactNode;
}

type View<N extends DemoName> = LazyExoticComponent<ComponentType<DemoViewProps<N>>>;

export const demoViews: { [N in DemoName]?: View<N> } = {
  neuron: lazy(() => import("./neuron.tsx")),
  "gradient-descent": lazy(() => import("./gradient-descent.tsx")),
  "xor-mlp": lazy(() => import("./xor-mlp.tsx")),
  "optimizer-race": lazy(() => import("./optimizer-race.tsx")),
  "lstm-unrolled": lazy(() => import("./lstm-unrolled.tsx")),
  "attention-heatmap": lazy(() => import("./attention-heatmap.tsx")),
  "positional-encoding": lazy(() => import("./positional-encoding.tsx")),
  "transformer-reverse": lazy(() => import("./transformer-reverse.tsx")),
  "mnist-cnn": lazy(() => import("./mnist-cnn.tsx")),
  "gan-1d": lazy(() => import("./gan-1d.tsx")),
  "cross-validation": lazy(() => import("./cross-validation.tsx")),
  "fit-curves": lazy(() => import("./fit-curves.tsx")),
  "explain-digit": lazy(() => import("./explain-digit.tsx")),
};
