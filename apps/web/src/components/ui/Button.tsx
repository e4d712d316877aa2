import { Link } from "./Link.tsx";
import type { ButtonHTMLAttributes, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "ghost";

function classes(variant: ButtonVariant, size: "normal" | "small", extra?: string): string {
  return ["btn", `btn-${variant}`, size === "small" ? "btn-small" : "", extra ?? ""].filter(Boolean).join(" ");
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: "normal" | "small";
  /** Shows a busy state and disables the button. */
  busy?: boolean;
}

export function Button({ variant = "primary", size = "normal", busy = false, className, children, disabled, type = "button", ...rest }: ButtonProps) {
  return (
    <button type={type} className={classes(variant, size, className)} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

export interface ButtonLinkProps {
  href: string;
  variant?: ButtonVariant;
  size?: "normal" | "small";
  className?: string;
  children: ReactNode;
  prefetch?: boolean;
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ href, variant = "primary", size = "normal", className, children, prefetch }: ButtonLinkProps) {
  return (
    <Link href={href} className={classes(variant, size, className)} prefetch={prefetch}>
      {children}
    </Link>
  );
}
