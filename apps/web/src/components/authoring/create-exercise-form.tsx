"use client";
// Starts a new exercise draft (from the template or a copy) and opens it in the editor.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button, Field } from "../ui/index.ts";
import { postJson } from "./post-json.ts";

interface Props {
  courseSlug: string;
  sources: { slug: string; title: string }[];
  m: Record<
    "slugLabel" | "slugHint" | "startFrom" | "fromTemplate" | "create" | "creating",
    string
  >;
}

export function CreateExerciseForm({ courseSlug, sources, m }: Props) {
  const router = useRouter();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const from = String(form.get("from") ?? "");
    setBusy(true);
    setError(undefined);
    const r = await postJson<{ draftId: string }>(`/api/courses/${courseSlug}/exercises`, {
      slug: String(form.get("slug") ?? ""),
      ...(from ? { from } : {}),
    });
    if (r.ok) router.push(`/courses/${courseSlug}/exercises/drafts/${r.data.draftId}`);
    else {
      setError(r.fields?.slug ?? r.message);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} className="authoring-create" noValidate>
      <Field
        id={`${id}-slug`}
        name="slug"
        label={m.slugLabel}
        hint={m.slugHint}
        error={error}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <div className="field">
        <label htmlFor={`${id}-from`}>{m.startFrom}</label>
        <select id={`${id}-from`} name="from" className="input" defaultValue="">
          <option value="">{m.fromTemplate}</option>
          {sources.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.slug} — {s.title}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" busy={busy}>
        {busy ? m.creating : m.create}
      </Button>
    </form>
  );
}
