"use client";
/** A labelled range input that shows its value (the demos' basic control). */
export function Slider({ label, value, min, max, step, onChange, format = (v) => String(v) }: { label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void; format?: (v: number) => string }) {
  return (
    <label>
      {label}{" "}
      <input type="range" min={min} max={max} step={step} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))} />{" "}
      <output>{format(value)}</output>
    </label>
  );
}
