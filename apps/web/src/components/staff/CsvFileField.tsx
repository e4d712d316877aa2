"use client";
// The roster import's input: choosing a .csv file reads it (as UTF-8) into the text area, which
// is what the form posts; pasting rows into the text area works as well.
import { useRef, type ChangeEvent } from "react";
import { TextAreaField } from "../ui/index.ts";

export function CsvFileField({ fileLabel, textLabel, textHint }: { fileLabel: string; textLabel: string; textHint: string }) {
  const area = useRef<HTMLDivElement>(null);
  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    const textarea = area.current?.querySelector("textarea");
    if (!file || !textarea) return;
    textarea.value = await file.text();
  }
  return (
    <>
      <div className="field">
        <label htmlFor="roster-file">{fileLabel}</label>
        <input id="roster-file" type="file" accept=".csv,text/csv" className="input" onChange={onFile} />
      </div>
      <div ref={area}>
        <TextAreaField id="roster-csv" name="csv" label={textLabel} hint={textHint} rows={6} spellCheck={false} />
      </div>
    </>
  );
}
