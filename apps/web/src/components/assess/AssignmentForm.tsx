"use client";
// The assignment settings form (create or edit), posted as JSON; the server's zod messages appear
// next to their fields. Dates are typed in UTC (the pages show UTC too).
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "../ui/index.ts";
import { useHydrated } from "../ui/use-hydrated.ts";
import { sendJson, utcInstant } from "./send-json.ts";

export interface Option {
  value: string;
  label: string;
}

export interface AssignmentFormValues {
  exerciseVersionId: string;
  opensAt: string;
  dueAt: string;
  lateDueAt: string;
  latePenalty: string;
  maxAttempts: string;
  points: string;
  scoringPolicy: "best" | "last";
}

export interface AssignmentFormStrings {
  exercise: string;
  chooseExercise: string;
  version: string;
  versionHint: string;
  opens: string;
  due: string;
  lateDue: string;
  datesHint: string;
  latePenalty: string;
  penaltyHint: string;
  maxAttempts: string;
  attemptsHint: string;
  points: string;
  scoringPolicy: string;
  policyHint: string;
  policyBest: string;
  policyLast: string;
  submit: string;
  saving: string;
  saved: string;
  failed: string;
}

export function AssignmentForm(props: {
  url: string;
  method: "POST" | "PUT";
  initial: AssignmentFormValues;
  /** Create mode: the exercises to choose from, each with its versions. */
  exercises?: (Option & { versions: Option[] })[];
  /** Edit mode: the exercise's versions (the first option is "newest"). */
  versions?: Option[];
  /** Where to go after creating (the created id is appended). */
  afterCreate?: string;
  strings: AssignmentFormStrings;
}) {
  const s = props.strings;
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [exerciseId, setExerciseId] = useState(props.exercises?.[0]?.value ?? "");
  const versions = props.exercises ? (props.exercises.find((e) => e.value === exerciseId)?.versions ?? []) : (props.versions ?? []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (k: string) => String(data.get(k) ?? "");
    const body = {
      ...(props.exercises ? { exerciseId: value("exerciseId") } : {}),
      exerciseVersionId: value("exerciseVersionId"),
      opensAt: utcInstant(value("opensAt")),
      dueAt: utcInstant(value("dueAt")),
      lateDueAt: utcInstant(value("lateDueAt")),
      latePenalty: value("latePenalty"),
      maxAttempts: value("maxAttempts"),
      points: value("points"),
      scoringPolicy: value("scoringPolicy"),
    };
    setBusy(true);
    setMessage(null);
    setFields({});
    try {
      const answer = await sendJson(props.url, props.method, body);
      if (answer.ok) {
        if (props.afterCreate && typeof answer.body.id === "string") {
          window.location.assign(props.afterCreate);
          return;
        }
        setMessage({ tone: "success", text: s.saved });
      } else {
        setFields(answer.body.error?.fields ?? {});
        setMessage({ tone: "error", text: answer.body.error?.message ?? s.failed });
      }
    } catch {
      setMessage({ tone: "error", text: s.failed });
    }
    setBusy(false);
  }

  const select = (id: string, name: string, label: string, options: Option[], hint: string | undefined, value?: string, onChange?: (v: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        className="input"
        {...(onChange ? { value, onChange: (e) => onChange(e.target.value) } : { defaultValue: value })}
        aria-invalid={fields[name] ? true : undefined}
        aria-describedby={[fields[name] ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {fields[name] ? (
        <span id={`${id}-error`} className="error">
          {fields[name]}
        </span>
      ) : null}
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  );

  const i = props.initial;
  return (
    <form className="form assess-form" onSubmit={onSubmit} noValidate data-testid="assignment-form">
      {props.exercises ? select("a-exercise", "exerciseId", s.exercise, props.exercises, undefined, exerciseId, setExerciseId) : null}
      {select("a-version", "exerciseVersionId", s.version, versions, s.versionHint, i.exerciseVersionId)}
      <Field id="a-opens" name="opensAt" type="datetime-local" label={s.opens} hint={s.datesHint} defaultValue={i.opensAt} error={fields.opensAt} />
      <Field id="a-due" name="dueAt" type="datetime-local" label={s.due} hint={s.datesHint} defaultValue={i.dueAt} error={fields.dueAt} />
      <Field id="a-late-due" name="lateDueAt" type="datetime-local" label={s.lateDue} hint={s.datesHint} defaultValue={i.lateDueAt} error={fields.lateDueAt} />
      <Field id="a-penalty" name="latePenalty" inputMode="decimal" label={s.latePenalty} hint={s.penaltyHint} defaultValue={i.latePenalty} error={fields.latePenalty} />
      <Field id="a-attempts" name="maxAttempts" inputMode="numeric" label={s.maxAttempts} hint={s.attemptsHint} defaultValue={i.maxAttempts} error={fields.maxAttempts} />
      <Field id="a-points" name="points" inputMode="decimal" label={s.points} defaultValue={i.points} error={fields.points} />
      {select(
        "a-policy",
        "scoringPolicy",
        s.scoringPolicy,
        [
          { value: "best", label: s.policyBest },
          { value: "last", label: s.policyLast },
        ],
        s.policyHint,
        i.scoringPolicy,
      )}
      <div data-testid="form-message">{message ? <Alert tone={message.tone}>{message.text}</Alert> : null}</div>
      <div>
        <Button type="submit" busy={busy} disabled={!hydrated}>
          {busy ? s.saving : s.submit}
        </Button>
      </div>
    </form>
  );
}
