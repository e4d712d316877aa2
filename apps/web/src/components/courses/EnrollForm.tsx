"use client";
import { useState, type FormEvent } from "react";
import { Button, Field } from "../ui/index.ts";
import { useHydrated } from "../ui/use-hydrated.ts";

export interface EnrollStrings {
  joinCode: string;
  joinCodeHint: string;
  enrollButton: string;
  enrolling: string;
  failed: string;
}

/** Join-code form: the error appears next to the field; success opens the course. */
export function EnrollForm({ strings: s, initialCode }: { strings: EnrollStrings; initialCode?: string | undefined }) {
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const [error, setError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    setBusy(true);
    setError(undefined);
    try {
      const res = await fetch("/api/enroll", { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ code }) });
      const body = (await res.json().catch(() => null)) as { courseSlug?: string; error?: { message?: string; fields?: { code?: string } } } | null;
      if (res.ok && body?.courseSlug) {
        window.location.assign(`/courses/${encodeURIComponent(body.courseSlug)}`);
        return;
      }
      if (res.status === 401) {
        window.location.assign(`/signin?next=${encodeURIComponent(window.location.pathname)}`);
        return;
      }
      setError(body?.error?.fields?.code ?? body?.error?.message ?? s.failed);
      document.getElementById("join-code")?.focus();
    } catch {
      setError(s.failed);
    }
    setBusy(false);
  }

  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate>
      <Field
        id="join-code"
        name="code"
        label={s.joinCode}
        hint={s.joinCodeHint}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={initialCode}
        required
        error={error}
      />
      <div>
        <Button type="submit" busy={busy} disabled={!hydrated}>
          {busy ? s.enrolling : s.enrollButton}
        </Button>
      </div>
    </form>
  );
}
