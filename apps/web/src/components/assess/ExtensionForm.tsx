"use client";
// Grant or replace one student's extension (dates in UTC, extra attempts, a reason); the page
// reloads with the new list on success.
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "../ui/index.ts";
import { useHydrated } from "../ui/use-hydrated.ts";
import type { Option } from "./AssignmentForm.tsx";
import { sendJson, utcInstant } from "./send-json.ts";

export interface ExtensionFormStrings {
  student: string;
  chooseStudent: string;
  due: string;
  lateDue: string;
  datesHint: string;
  extraAttempts: string;
  reason: string;
  grant: string;
  saving: string;
  failed: string;
}

export function ExtensionForm({ url, students, strings: s }: { url: string; students: Option[]; strings: ExtensionFormStrings }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (k: string) => String(data.get(k) ?? "");
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const answer = await sendJson(url, "POST", {
        userId: value("userId"),
        dueAt: utcInstant(value("dueAt")),
        lateDueAt: utcInstant(value("lateDueAt")),
        extraAttempts: value("extraAttempts") || "0",
        reason: value("reason"),
      });
      if (answer.ok) {
        window.location.reload();
        return;
      }
      setFields(answer.body.error?.fields ?? {});
      setError(answer.body.error?.message ?? s.failed);
    } catch {
      setError(s.failed);
    }
    setBusy(false);
  }

  return (
    <form className="form assess-form" onSubmit={onSubmit} noValidate data-testid="extension-form">
      <div className="field">
        <label htmlFor="x-student">{s.student}</label>
        <select id="x-student" name="userId" className="input" defaultValue="" aria-invalid={fields.userId ? true : undefined} aria-describedby={fields.userId ? "x-student-error" : undefined}>
          <option value="">{s.chooseStudent}</option>
          {students.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {fields.userId ? (
          <span id="x-student-error" className="error">
            {fields.userId}
          </span>
        ) : null}
      </div>
      <Field id="x-due" name="dueAt" type="datetime-local" label={s.due} hint={s.datesHint} error={fields.dueAt} />
      <Field id="x-late-due" name="lateDueAt" type="datetime-local" label={s.lateDue} hint={s.datesHint} error={fields.lateDueAt} />
      <Field id="x-attempts" name="extraAttempts" inputMode="numeric" label={s.extraAttempts} defaultValue="0" error={fields.extraAttempts} />
      <Field id="x-reason" name="reason" label={s.reason} maxLength={500} error={fields.reason} />
      <div data-testid="extension-message">{error ? <Alert tone="error">{error}</Alert> : null}</div>
      <div>
        <Button type="submit" busy={busy} disabled={!hydrated}>
          {busy ? s.saving : s.grant}
        </Button>
      </div>
    </form>
  );
}
