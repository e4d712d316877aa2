/** A collapsible data table: the text alternative of a chart or heatmap. */
export function formatCell(v: number | string | null): string {
  if (v === null) return "–";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1000 || (Math.abs(v) < 0.001 && v !== 0) ? v.toExponential(2) : String(Math.round(v * 1000) / 1000);
}

export function DataTable({ label, caption, columns, rows }: { label: string; caption: string; columns: readonly string[]; rows: readonly (readonly (number | string | null)[])[] }) {
  return (
    <details className="demo-table">
      <summary>{label}</summary>
      <div className="demo-table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (j === 0 ? <th key={j} scope="row">{formatCell(v)}</th> : <td key={j}>{formatCell(v)}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
