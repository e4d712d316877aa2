"use client";
// A button that sends DELETE after a confirmation, then goes to `then` (or reloads); a refusal is
// shown next to it.
import { useState } from "react";
import { Button } from "../ui/index.ts";
import { useHydrated } from "../ui/use-hydrated.ts";
import { sendJson } from "./send-json.ts";

export function DeleteButton({ url, label, ariaLabel, confirm, failed, then }: { url: string; label: string; ariaLabel?: string; confirm?: string; failed: string; then?: string }) {
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onClick() {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setError(null);
    try {
      // State-changing requests carry JSON (the API refuses other media types), even an empty one.
      const answer = await sendJson(url, "DELETE", {});
      if (answer.ok) {
        if (then) window.location.assign(then);
        else window.location.reload();
        return;
      }
      setError(answer.body.error?.message ?? failed);
    } catch {
      setError(failed);
    }
    setBusy(false);
  }
  return (
    <>
      <Button variant="secondary" size="small" onClick={() => void onClick()} busy={busy} disabled={!hydrated} aria-label={ariaLabel}>
        {label}
      </Button>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
