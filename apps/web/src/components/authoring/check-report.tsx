// The check's answer: its problems located in the instructor's files (each with a button that
// opens the file at that line), the table of every check item, and the test strength.
import type { CheckJobResult } from "@course/exercise-kit/authoring";
import { format } from "../../lib/i18n/translate.ts";
import { Alert, Badge, Button } from "../ui/index.ts";
import type { AuthoringText } from "./draft-editor.tsx";

interface Props {
  result: CheckJobResult;
  stale: boolean;
  m: AuthoringText;
  onGoTo: (file: string, line: number, column: number, message: string) => void;
}

export function CheckReportView({ result, stale, m, onGoTo }: Props) {
  const s = result.strength;
  const counted = s === null ? 0 : s.total - s.equivalent;
  return (
    <div className="check-report" data-testid="check-report" data-ok={result.ok ? "true" : "false"}>
      <Alert tone={result.ok ? "success" : "error"}>
        {result.ok ? m.checkPassed : m.checkFailed}
      </Alert>
      {stale ? <p className="small">{m.checkStale}</p> : null}
      {result.problems.length > 0 ? (
        <section>
          <h3>{m.problemsTitle}</h3>
          <ul className="check-problems" data-testid="check-problems">
            {result.problems.map((p, i) => (
              <li key={i}>
                <code>
                  {p.file}
                  {p.line > 0 ? `:${p.line}:${p.column}` : ""}
                </code>{" "}
                {p.message}{" "}
                {p.line > 0 ? (
                  <Button
                    variant="ghost"
                    size="small"
                    onClick={() => onGoTo(p.file, p.line, p.column, p.message)}
                  >
                    {format(m.goToProblem, { file: p.file })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {s !== null ? (
        <p data-testid="check-strength">
          {format(m.strength, {
            killed: s.killed,
            counted,
            score: Math.round(s.score * 1000) / 10,
          })}
        </p>
      ) : null}
      {s !== null && s.survivors.length > 0 ? (
        <details>
          <summary>{m.survivors}</summary>
          <ul>
            {s.survivors.map((v) => (
              <li key={v.key}>
                <code>{v.key}</code> (solution.ts:{v.line})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {result.items.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={m.tableCaption} tabIndex={0}>
          <table className="check-table">
            <caption className="visually-hidden">{m.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.colSection}</th>
                <th scope="col">{m.colCheck}</th>
                <th scope="col">{m.colResult}</th>
                <th scope="col">{m.colDetail}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((item, i) => (
                <tr key={i} data-ok={item.ok ? "true" : "false"}>
                  <td>{item.section}</td>
                  <th scope="row">{item.name}</th>
                  <td>
                    <Badge tone={item.ok ? "success" : "danger"}>{item.ok ? m.ok : m.notOk}</Badge>
                  </td>
                  <td>{item.detail ? <pre className="check-detail">{item.detail}</pre> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
