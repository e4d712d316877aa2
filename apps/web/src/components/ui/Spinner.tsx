/** A polite loading indicator; `label` is read by screen readers and shown beside the spinner. */
export function Spinner({ label, hideLabel = false }: { label: string; hideLabel?: boolean }) {
  return (
    <span className="spinner" role="status" aria-live="polite">
      <span className={hideLabel ? "visually-hidden" : undefined}>{label}</span>
    </span>
  );
}

/** Placeholder rows for loading.tsx files. */
export function SkeletonList({ rows = 4, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <div className="stack" aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: "4.2rem" }} />
        ))}
      </div>
    </div>
  );
}
