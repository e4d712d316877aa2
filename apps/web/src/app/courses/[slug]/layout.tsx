// Unknown course → a real 404. The course page's loading.tsx starts streaming (status 200) before
// the page runs, so the existence check lives here, above that boundary. Signed-out visitors pass
// through to the pages, which send them to sign in first (as before).
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser } from "../../../lib/auth.ts";
import { courseExists } from "../../../lib/courses/route-checks.ts";

export default async function CourseLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if ((await getCurrentUser()) && !(await courseExists(slug))) notFound();
  return children;
}
