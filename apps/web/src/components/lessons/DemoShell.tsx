"use client";
/** The frame every demo view draws in: title, controls, plots, own-code switches and status. */
import type { ReactNode } from "react";
import { translator, type Locale } from "../../lib/i18n/index.ts";
import { lessonMessages } from "../../lib/i18n/messages/lessons.ts";
import type { OwnCheck } from "../../lib/lessons/own-check.ts";
import type { DemoStatus } from "./use-demo-run.ts";

export interface DemoShellProps {
  name: string;
  title: string;
  locale: Locale;
  status: DemoStatus;
  /** What the reader's own code did, compared with the reference (one entry per block switched on). */
  checks?: readonly OwnCheck[];
  controls?: ReactNode;
  ownPanel?: ReactNode;
  onRerun?: () => void;
  children: ReactNode;
}

export function DemoShell({ name, title, locale, status, checks = [], controls, ownPanel, onRerun, children }: DemoShellProps) {
  const t = translator(lessonMessages, locale);
  const fmt = (x: number) => (x === 0 ? "0" : x < 1e-3 ? x.toExponential(1) : x.toPrecision(2));
  return (
    <section className="demo" aria-label={t("demoLabel", { title })} data-demo={name} data-status={status.kind}>
      <p className="demo-title">
        <strong>{title}</strong>
      </p>
      {controls ? <div className="demo-controls">{controls}</div> : null}
      <div className="demo-plots">{children}</div>
      {ownPanel}
      {checks.map((c) => (
        <p key={c.exercise} className={`demo-check ${c.ok ? "demo-check-ok" : "demo-check-bad"}`} data-testid="own-check" data-ok={c.ok}>
          {!c.finite
            ? t("ownCodeNotFinite", { exercise: c.exercise, where: c.where ? ` (${c.where})` : "" })
            : c.ok
              ? t("ownCodeMatches", { exercise: c.exercise, err: fmt(c.maxError) })
              : t("ownCodeDiffers", { exercise: c.exercise, err: fmt(c.maxError), where: c.where ? ` (${c.where})` : "" })}
        </p>
      ))}
      <div className="demo-status row">
        <p className="small muted" role="status" data-testid="demo-status">
          {status.kind === "running"
            ? t("demoRunning")
            : status.kind === "done"
              ? t("demoDone", { ms: status.ms })
              : status.kind === "stopped"
                ? t("demoStopped")
              : status.exerciseId
                ? `${t("ownCodeThrew", { exercise: status.exerciseId, message: status.message })}${status.line ? ` ${t("ownCodeLine", { line: status.line })}` : ""}`
                : t("demoError", { message: status.message })}
        </p>
        {onRerun && status.kind !== "running" ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={onRerun}>
            {t("demoRestart")}
          </button>
        ) : null}
      </div>
    </section>
  );
}
