import type { ReactNode } from "react";

export type AlertTone = "error" | "success" | "info" | "warning";

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
}

/** Errors are announced assertively (role="alert"); other tones politely (role="status"). */
export function Alert({ tone = "info", title, children, id }: AlertProps) {
  return (
    <div id={id} className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? <div className="alert-title">{title}</div> : null}
      {children}
    </div>
  );
}
