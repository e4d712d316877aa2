"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "../ui/index.ts";
import { useHydrated } from "../ui/use-hydrated.ts";
import { parseSignInError } from "../../lib/auth-errors.ts";
import type { authMessages } from "../../lib/i18n/messages/auth.ts";

type Strings = (typeof authMessages)["en"];

export function SignInForm({ strings: s, next, initialError }: { strings: Strings; next: string; initialError?: string | undefined }) {
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const [fields, setFields] = useState<{ email?: string; password?: string }>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const errors: typeof fields = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = s.emailInvalid;
    if (!password) errors.password = s.passwordRequired;
    setFields(errors);
    setFormError(undefined);
    if (errors.email || errors.password) {
      document.getElementById(errors.email ? "email" : "password")?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(next);
        return;
      }
      const failure = parseSignInError(result?.error);
      setFormError(
        failure.kind === "rate_limited"
          ? failure.minutes === 1
            ? s.tooManyAttemptsOne
            : s.tooManyAttempts.replace("{minutes}", String(failure.minutes))
          : failure.kind === "invalid_credentials"
            ? s.wrongCredentials
            : s.signInFailed,
      );
    } catch {
      setFormError(s.signInFailed);
    }
    setBusy(false);
  }

  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="email" name="email" type="email" label={s.email} autoComplete="email" required error={fields.email} />
      <Field id="password" name="password" type="password" label={s.password} autoComplete="current-password" required error={fields.password} />
      <Button type="submit" busy={busy} disabled={!hydrated}>
        {busy ? s.signingIn : s.signInButton}
      </Button>
    </form>
  );
}
