"use client";
// Opens the draft of a published exercise (made from its newest version when it has none).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "../ui/index.ts";
import { postJson } from "./post-json.ts";

export function EditExerciseButton({
  courseSlug,
  exercise,
  label,
}: {
  courseSlug: string;
  exercise: string;
  label: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        size="small"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          const r = await postJson<{ draftId: string }>(
            `/api/courses/${courseSlug}/exercises/open/${exercise}`,
            {},
          );
          if (r.ok) router.push(`/courses/${courseSlug}/exercises/drafts/${r.data.draftId}`);
          else {
            setError(r.message);
            setBusy(false);
          }
        }}
      >
        {label} <span className="visually-hidden">{exercise}</span>
      </Button>
      {error ? (
        <span role="alert" className="error">
          {error}
        </span>
      ) : null}
    </>
  );
}
