// Unknown lesson → a real 404: checked here, above this route's loading.tsx (which starts
// streaming, and so fixes the status at 200, before the page itself runs).
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser } from "../../../../../lib/auth.ts";
import { lessonExists } from "../../../../../lib/courses/route-checks.ts";

export default async function LessonLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string; lesson: string }> }) {
  const { slug, lesson } = await params;
  if ((await getCurrentUser()) && !(await lessonExists(slug, lesson))) notFound();
  return children;
}
