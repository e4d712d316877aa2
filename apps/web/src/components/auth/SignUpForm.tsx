"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "../ui/index.ts";
import { useHydrated } from "../ui/use-hydrated.ts";
import type { authMessages } from "../../lib/i18n/messages/auth.ts";

type Strings = (typeof authMessages)["en"];
type Fields = Partial<Record<"name" | "email" | "password", string>>;

export function SignUpForm({ strings: s, next }: { strings: Strings; next: string }) {
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string | undefined>();
  const [fields, setFields] = useState<Fields>({});
  const [signInFailed, setSignInFailed] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setBusy(true);
    setFormError(undefined);
    setSignInFailed(false);
    try {
      const res = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(data) });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; fields?: Fields } } | null;
        const f = body?.error?.fields ?? {};
        setFields(f);
        setFormError(Object.keys(f).length ? s.fixErrors : (body?.error?.message ?? s.signInFailed));
        const first = (["name", "email", "password"] as const).find((k) => f[k]);
        if (first) document.getElementById(first)?.focus();
        setBusy(false);
        return;
      }
      setFields({});
      // The answer is the same whether the email was new or already had an account; signing in
      // tells the two apart only for someone who knows the account's password.
      const result = await signIn("credentials", { email: data.email, password: data.password, redirect: false });
      if (result?.ok) {
        window.location.assign(next);
        return;
      }
      setSignInFailed(true);
      setFormError(s.signupSignInFailed);
      setBusy(false);
    } catch {
      setFormError(s.signInFailed);
      setBusy(false);
    }
  }

  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="name" name="name" label={s.name} hint={s.nameHint} autoComplete="name" required maxLength={80} error={fields.name} />
      <Field id="email" name="email" type="email" label={s.email} autoComplete="email" required error={fields.email} />
      {signInFailed ? (
        <p className="form-link">
          <a href={`/signin?next=${encodeURIComponent(next)}`}>{s.goToSignIn}</a>
        </p>
      ) : null}
      <Field id="password" name="password" type="password" label={s.password} hint={s.passwordHint} autoComplete="new-password" required error={fields.password} />
      <Button type="submit" busy={busy} disabled={!hydrated}>
        {busy ? s.creatingAccount : s.createAccount}
      </Button>
    </form>
  );
}
