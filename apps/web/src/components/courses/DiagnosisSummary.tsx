// For instructors: how often each diagnosis fired on each assignment, in the viewer's language.
import type { DiagnosisCount } from "@course/db";
import { localizeMessage } from "../../lib/exercise/feedback-view.ts";
import type { Locale } from "../../lib/i18n/locale.ts";
import type { courseMessages } from "../../lib/i18n/messages/courses.ts";
import type { Translate } from "../../lib/i18n/index.ts";

type T = Translate<keyof (typeof courseMessages)["en"]>;

export interface DiagnosisSummaryAssignment {
  id: string;
  label: string;
  title: string;
  diagnosed: number;
  counts: DiagnosisCount[];
}

export function DiagnosisSummary({ assignments, t, locale }: { assignments: DiagnosisSummaryAssignment[]; t: T; locale: Locale }) {
  return (
    <section className="gradebook-diagnoses" aria-labelledby="diagnoses-heading" data-testid="diagnosis-summary">
      <h2 id="diagnoses-heading">{t("diagnosesHeading")}</h2>
      <p className="small muted">{t("diagnosesLead")}</p>
      {assignments.length === 0 ? (
        <p>{t("diagnosesNone")}</p>
      ) : (
        assignments.map((a) => (
          <div key={a.id} className="gradebook-diagnoses__assignment" data-assignment={a.id}>
            <h3 id={`diagnoses-${a.id}`}>
              <span className="gradebook-label">{a.label}</span> {a.title}
            </h3>
            <p className="small muted">{t("diagnosesDiagnosed", { n: a.diagnosed })}</p>
            <div className="table-wrap" role="region" aria-labelledby={`diagnoses-${a.id}`} tabIndex={0}>
              <table className="gradebook-diagnoses__table">
                <thead>
                  <tr>
                    <th scope="col">{t("diagnosisColumn")}</th>
                    <th scope="col" className="gradebook-num">
                      {t("diagnosisSubmissions")}
                    </th>
                    <th scope="col" className="gradebook-num">
                      {t("diagnosisStudents")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {a.counts.map((c) => (
                    <tr key={c.key} data-key={c.key}>
                      <th scope="row" className="gradebook-diagnoses__message">
                        {localizeMessage(c.example.message, JSON.stringify(c.example.feedback), { locale }) ?? c.example.message}
                        <div className="small muted">{c.example.mutant !== undefined ? t("diagnosisKnownMistake") : t("diagnosisGeneric")}</div>
                      </th>
                      <td className="gradebook-num">{c.submissions}</td>
                      <td className="gradebook-num">{c.students}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))
      )}
    </section>
  );
}
