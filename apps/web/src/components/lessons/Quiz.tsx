"use client";
/** A self-check question: checked in the page, explained, and remembered with the lesson's progress. */
import { useId, useState, type FormEvent } from "react";
import { isCorrect, type Quiz as QuizData } from "@course/lessons/client";
import { translator, type Locale } from "../../lib/i18n/index.ts";
import { lessonMessages } from "../../lib/i18n/messages/lessons.ts";
import { postJson } from "./post-json.ts";

export interface QuizProps {
  quiz: QuizData;
  questionHtml: string;
  optionsHtml: string[];
  explanationHtml: string;
  lessonId: string;
  /** The reader's saved answer, if any. */
  saved: number | undefined;
  locale: Locale;
}

export function Quiz({ quiz, questionHtml, optionsHtml, explanationHtml, lessonId, saved, locale }: QuizProps) {
  const t = translator(lessonMessages, locale);
  const id = useId();
  const [choice, setChoice] = useState<number | undefined>(quiz.kind === "choice" ? saved : undefined);
  const [text, setText] = useState(quiz.kind === "numeric" && saved !== undefined ? String(saved) : "");
  const [checked, setChecked] = useState<number | undefined>(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const [save, setSave] = useState<"idle" | "saved" | string>("idle");

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const answer = quiz.kind === "choice" ? choice : text.trim() === "" ? Number.NaN : Number(text.trim().replace(",", "."));
    if (answer === undefined || !Number.isFinite(answer)) {
      setProblem(quiz.kind === "choice" ? t("quizPick") : t("quizNumber"));
      return;
    }
    setProblem(null);
    setChecked(answer);
    try {
      await postJson("/api/progress/answers", { lessonId, quizId: quiz.id, answer });
      setSave("saved");
    } catch (err) {
      setSave(err instanceof Error ? err.message : String(err));
    }
  }

  const right = checked !== undefined && isCorrect(quiz, checked);
  return (
    <form className="quiz" data-quiz={quiz.id} onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-label`} noValidate>
      <fieldset>
        <legend>
          <span id={`${id}-label`} className="quiz-label">
            {t("quizLabel")}
          </span>
          <span className="quiz-question" dangerouslySetInnerHTML={{ __html: questionHtml }} />
        </legend>
        {quiz.kind === "choice" ? (
          <ul className="quiz-options">
            {optionsHtml.map((html, i) => (
              <li key={i}>
                <label>
                  <input type="radio" name={`${id}-choice`} value={i} checked={choice === i} onChange={() => setChoice(i)} />{" "}
                  <span dangerouslySetInnerHTML={{ __html: html }} />
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <label className="quiz-number">
            {t("quizNumberLabel")}{" "}
            <input type="text" inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.currentTarget.value)} />
          </label>
        )}
      </fieldset>
      <button type="submit" className="btn btn-secondary btn-small">
        {t("quizCheck")}
      </button>
      <div role="status" className="quiz-feedback" data-testid="quiz-feedback">
        {problem !== null ? <p>{problem}</p> : null}
        {checked !== undefined && problem === null ? (
          <>
            <p className={right ? "quiz-right" : "quiz-wrong"}>
              <strong>{right ? t("quizCorrect") : t("quizWrong")}</strong> <span dangerouslySetInnerHTML={{ __html: explanationHtml }} />
            </p>
            {save === "saved" ? <p className="small muted">{t("quizSaved")}</p> : save !== "idle" ? <p className="small">{t("quizSaveFailed", { message: save })}</p> : null}
          </>
        ) : null}
      </div>
    </form>
  );
}
