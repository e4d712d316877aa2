export default function LessonLoading() {
  return (
    <div className="container" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">Loading… · 加载中…</span>
      <div aria-hidden="true" className="stack" style={{ maxWidth: "72ch" }}>
        <div className="skeleton" style={{ height: "1rem", width: "8rem" }} />
        <div className="skeleton" style={{ height: "2.4rem", width: "60%" }} />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="skeleton" style={{ height: "1rem", width: `${90 - (i % 3) * 12}%` }} />
        ))}
      </div>
    </div>
  );
}
