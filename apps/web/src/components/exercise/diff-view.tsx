import { collapseUnchanged, diffLines, diffStats } from "../../lib/exercise/line-diff.ts";
import type { ExerciseMessages } from "../../lib/i18n/messages/exercise.ts";
import { format } from "../../lib/i18n/translate.ts";

const MARK = { equal: " ", insert: "+", delete: "−" } as const;

/** A line diff between two attempts' code, unchanged runs collapsed (server-rendered, no JS). */
export function DiffView({ before, after, m, label }: { before: string; after: string; m: ExerciseMessages; label: string }) {
  const lines = diffLines(before, after);
  const stats = diffStats(lines);
  if (stats.added === 0 && stats.removed === 0) return <p className="exercise-muted">{m.diffSame}</p>;
  const chunks = collapseUnchanged(lines, 3);
  return (
    <figure className="exercise-diff-figure">
      <figcaption>
        {label} <span className="exercise-muted">{format(m.diffStats, { added: stats.added, removed: stats.removed })}</span>
      </figcaption>
      <div className="exercise-diff" role="table" aria-label={label} data-testid="diff">
        {chunks.map((c, i) =>
          c.kind === "skip" ? (
            <div key={i} className="exercise-diff__skip" role="row">
              <span role="cell">{format(m.diffSkipped, { count: c.count })}</span>
            </div>
          ) : (
            c.lines.map((l, j) => (
              <div key={`${i}-${j}`} className={`exercise-diff__line exercise-diff__line--${l.op}`} role="row" data-op={l.op}>
                <span className="exercise-diff__num" role="cell">{l.oldLine ?? ""}</span>
                <span className="exercise-diff__num" role="cell">{l.newLine ?? ""}</span>
                <span role="cell" aria-label={l.op === "equal" ? undefined : l.op}>
                  {MARK[l.op]}
                </span>
                <span role="cell">{l.text}</span>
              </div>
            ))
          ),
        )}
      </div>
    </figure>
  );
}

/** Plain listing of one attempt's code. */
export function CodeBlock({ code }: { code: string }) {
  return (
    <pre className="exercise-diff" data-testid="attempt-code">
      <code>{code}</code>
    </pre>
  );
}
