// History of a student's own attempts: not enrolled (or no such assignment) → a real 404, checked
// here, above history's loading.tsx, which starts streaming and so fixes the status at 200.
// (The exercise page sits in the (workspace) group so its loading boundary does not wrap this.)
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser } from "../../../../../../lib/auth.ts";
import { historyVisible } from "../../../../../../lib/courses/route-checks.ts";

export default async function HistoryLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string; exerciseId: string }> }) {
  const { slug, exerciseId } = await params;
  const user = await getCurrentUser();
  if (user && !(await historyVisible(slug, exerciseId, user.id))) notFound();
  return children;
}
