// Unknown course → a real 404. The course page's loading.tsx starts streaming (status 200) before
// the page runs, so the existence check lives here, above that boundary. Signed-out visitors reach
// only the course's public page (the proxy sends them to sign in for anything below it), and only
// for a published, unarchived course.
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser } from "../../../lib/auth.ts";
import { courseExists, coursePubliclyVisible } from "../../../lib/courses/route-checks.ts";

export default async function CourseLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const visible = (await getCurrentUser()) ? await courseExists(slug) : await coursePubliclyVisible(slug);
  if (!visible) notFound();
  return children;
}
