"use client";
/**
 * A bar chart drawn by uPlot (the charting library the lessons already use). The canvas is hidden
 * from assistive technology: the page puts the same numbers in a table next to it.
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export function BarChart({ labels, values, seriesLabel, color = "#2563eb", yMax, height = 220 }: { labels: readonly string[]; values: readonly number[]; seriesLabel: string; color?: string; yMax?: number; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const key = `${labels.join("\u0000")}|${values.join(",")}|${yMax ?? ""}`;
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const width = () => Math.max(240, el.clientWidth);
    const bars = uPlot.paths.bars?.({ size: [0.7, 60] });
    const u = new uPlot(
      {
        width: width(),
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: [0, yMax ?? Math.max(1, ...values)] } },
        axes: [
          { stroke: "currentColor", grid: { show: false }, splits: () => labels.map((_, i) => i), values: (_u, splits) => splits.map((i) => labels[i] ?? "") },
          { stroke: "currentColor", grid: { stroke: "rgba(128,128,128,0.2)" } },
        ],
        series: [{}, { label: seriesLabel, stroke: color, fill: color, width: 0, points: { show: false }, ...(bars ? { paths: bars } : {}) }],
      },
      [labels.map((_, i) => i), [...values]],
      el,
    );
    const resize = new ResizeObserver(() => u.setSize({ width: width(), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
    };
    // `key` stands for labels and values: the chart is rebuilt when they change.
  }, [key, height, seriesLabel, color]);
  return <div ref={box} className="assess-chart-canvas" aria-hidden="true" data-testid="chart" />;
}
