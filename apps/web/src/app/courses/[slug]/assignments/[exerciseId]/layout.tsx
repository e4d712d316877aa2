// Unknown exercise id (on the exercise page and its history) → a real 404: checked here, above
// this route's loading.tsx (which starts streaming, and so fixes the status at 200, before the
// pages themselves run).
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser } from "../../../../../lib/auth.ts";
import { assignmentExists } from "../../../../../lib/courses/route-checks.ts";

export default async function ExerciseLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string; exerciseId: string }> }) {
  const { slug, exerciseId } = await params;
  if ((await getCurrentUser()) && !(await assignmentExists(slug, exerciseId))) notFound();
  return children;
}
