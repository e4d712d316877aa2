"use client";
/**
 * "Your code in the demo": one switch per building block the demo can take from the reader's own
 * latest submission. Switching on fetches it (compiled, with the exercise's bans) and hands it to
 * the demo, which runs it in the worker's restricted realm.
 */
import { useEffect, useState } from "react";
import type { OwnCodeSpec } from "@course/lessons/browser";
import { translator, type Locale } from "../../lib/i18n/index.ts";
import { lessonMessages } from "../../lib/i18n/messages/lessons.ts";
import type { OwnModule } from "../../lib/lessons/demo-protocol.ts";
import { fetchOwnCode } from "../../lib/lessons/own-code.ts";

type SwitchState =
  | { kind: "off" }
  | { kind: "loading" }
  | { kind: "on"; module: OwnModule; attempt: number; submittedAt: string }
  | { kind: "unavailable"; text: string };

export function OwnCodePanel({
  specs,
  courseSlug,
  locale,
  onChange,
}: {
  specs: readonly OwnCodeSpec[];
  courseSlug: string;
  locale: Locale;
  onChange: (own: OwnModule[]) => void;
}) {
  const t = translator(lessonMessages, locale);
  const [states, setStates] = useState<Record<string, SwitchState>>({});

  const set = (exercise: string, state: SwitchState) => setStates((prev) => ({ ...prev, [exercise]: state }));

  useEffect(() => {
    onChange(Object.values(states).flatMap((s) => (s.kind === "on" ? [s.module] : [])));
  }, [states, onChange]);

  async function toggle(exercise: string, on: boolean) {
    if (!on) return set(exercise, { kind: "off" });
    set(exercise, { kind: "loading" });
    const found = await fetchOwnCode(courseSlug, exercise);
    if (found.ok) {
      const { exerciseId, code, bans, allow } = found.own;
      set(exercise, { kind: "on", module: { exerciseId, code, bans, allow }, attempt: found.own.attempt, submittedAt: found.own.submittedAt });
    } else {
      const key = found.reason === "no_submission" ? "ownCodeNone" : found.reason === "compile_error" ? "ownCodeCompile" : "ownCodeFailed";
      set(exercise, { kind: "unavailable", text: t(key, { exercise, message: found.message }) });
    }
  }

  return (
    <fieldset className="demo-own">
      <legend>{t("ownCodeLegend")}</legend>
      {specs.map(({ exercise }) => {
        const s = states[exercise] ?? { kind: "off" };
        const id = `own-${exercise}-${Math.abs(hash(courseSlug + exercise))}`;
        return (
          <div key={exercise} className="demo-own-row">
            <label htmlFor={id}>
              <input
                id={id}
                type="checkbox"
                checked={s.kind === "on" || s.kind === "loading"}
                disabled={s.kind === "loading"}
                onChange={(e) => void toggle(exercise, e.currentTarget.checked)}
              />{" "}
              {t("ownCodeUse", { exercise })}
            </label>
            <p className="small muted" aria-live="polite" data-testid={`own-code-${exercise}`}>
              {s.kind === "loading"
                ? t("ownCodeLoading")
                : s.kind === "on"
                  ? t("ownCodeActive", { exercise, attempt: s.attempt, when: new Date(s.submittedAt).toLocaleString(locale) })
                  : s.kind === "unavailable"
                    ? s.text
                    : null}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
