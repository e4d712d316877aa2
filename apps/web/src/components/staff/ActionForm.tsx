"use client";
// A form whose fields are rendered on the server and whose submit posts them as JSON to an API
// route (same-origin, so the route's Origin check applies). The answer's message, links or field
// errors appear in one alert under the form; success refreshes the server-rendered page.
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button, type ButtonVariant } from "../ui/index.ts";
import { useHydrated } from "../ui/use-hydrated.ts";

/** What a staff route answers on success. */
export interface ActionReply {
  /** Open this same-site path next. */
  redirect?: string;
  message?: string;
  /** Links to show once (one-time reset links). */
  links?: { label: string; url: string }[];
}

interface ErrorReply {
  error?: { message?: string; fields?: Record<string, string> };
}

export interface ActionFormProps {
  action: string;
  submitLabel: string;
  busyLabel: string;
  /** Shown when the request itself fails (network). */
  failedMessage: string;
  children?: ReactNode;
  variant?: ButtonVariant;
  size?: "normal" | "small";
  /** Clear the inputs after success (create forms). */
  resetOnSuccess?: boolean;
  className?: string;
  /** An accessible name for the form (several small forms on one page). */
  label?: string;
  /** The submit button's accessible name when its text alone is ambiguous ("Revoke" in a table). */
  buttonLabel?: string;
  testId?: string;
}

/** Collects inputs by name: checkboxes as booleans, everything else as text. */
function formValues(form: HTMLFormElement): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const el of Array.from(form.elements)) {
    if (
      !(
        el instanceof HTMLInputElement ||
        el instanceof HTMLSelectElement ||
        el instanceof HTMLTextAreaElement
      ) ||
      !el.name
    )
      continue;
    values[el.name] =
      el instanceof HTMLInputElement && el.type === "checkbox" ? el.checked : el.value;
  }
  return values;
}

export function ActionForm({
  action,
  submitLabel,
  busyLabel,
  failedMessage,
  children,
  variant = "primary",
  size = "normal",
  resetOnSuccess,
  className,
  label,
  buttonLabel,
  testId,
}: ActionFormProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const alertId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<
    { ok: true; body: ActionReply } | { ok: false; message: string; fields: string[] } | null
  >(null);

  function markInvalid(form: HTMLFormElement, names: string[]) {
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLElement) || !("name" in el)) continue;
      const invalid = names.includes(String((el as HTMLInputElement).name));
      if (invalid) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
    }
    const first = Array.from(form.elements).find((el) =>
      names.includes(String((el as HTMLInputElement).name)),
    );
    if (first instanceof HTMLElement) first.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setReply(null);
    try {
      const res = await fetch(action, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(formValues(form)),
        credentials: "same-origin",
      });
      const body = (await res.json().catch(() => null)) as (ActionReply & ErrorReply) | null;
      if (res.status === 401) {
        window.location.assign(`/signin?next=${encodeURIComponent(window.location.pathname)}`);
        return;
      }
      if (!res.ok) {
        const fields = body?.error?.fields ?? {};
        markInvalid(form, Object.keys(fields));
        setReply({
          ok: false,
          message: body?.error?.message ?? failedMessage,
          fields: Object.values(fields),
        });
        setBusy(false);
        return;
      }
      if (body?.redirect) {
        window.location.assign(body.redirect);
        return;
      }
      markInvalid(form, []);
      if (resetOnSuccess) form.reset();
      setReply({ ok: true, body: body ?? {} });
      router.refresh();
    } catch {
      setReply({ ok: false, message: failedMessage, fields: [] });
    }
    setBusy(false);
  }

  return (
    <form
      ref={formRef}
      className={["form", className].filter(Boolean).join(" ")}
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={label}
      data-testid={testId}
    >
      {children}
      <div>
        <Button
          type="submit"
          variant={variant}
          size={size}
          busy={busy}
          disabled={!hydrated}
          aria-label={buttonLabel}
          aria-describedby={reply ? alertId : undefined}
        >
          {busy ? busyLabel : submitLabel}
        </Button>
      </div>
      {reply && !reply.ok ? (
        <div data-testid="form-error">
          <Alert tone="error" id={alertId}>
            <p>{reply.message}</p>
            {reply.fields.length > 0 ? (
              <ul>
                {reply.fields.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {reply && reply.ok && (reply.body.message || reply.body.links?.length) ? (
        <div data-testid="form-success">
          <Alert tone="success" id={alertId}>
            {reply.body.message ? <p>{reply.body.message}</p> : null}
            {reply.body.links?.length ? (
              <ul className="reset-links">
                {reply.body.links.map((l) => (
                  <li key={l.url}>
                    {l.label}: <code data-testid="one-time-link">{l.url}</code>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
    </form>
  );
}
