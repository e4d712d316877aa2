import type { ElementType, ReactNode } from "react";

export interface CardProps {
  children: ReactNode;
  className?: string;
  /** Element to render: "section" (default, a landmark when labelled), "article", "div", "li". */
  as?: ElementType;
  "aria-labelledby"?: string;
}

export function Card({ children, className, as: Tag = "div", ...rest }: CardProps) {
  return (
    <Tag className={["card", className].filter(Boolean).join(" ")} {...rest}>
      {children}
    </Tag>
  );
}
