// Unknown lesson → a real 404: checked here, before anything streams (a loading.tsx here would
// fix the status at 200 before the page itself runs). The lesson route has no loading.tsx on
// purpose: its Suspense boundary sent the lesson hidden and revealed it from a script in an
// animation frame, one long style-and-layout task after the first paint (Lighthouse TBT and LCP).
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getLesson } from "@course/lessons";
import { MathFontPreloads, mathFontsToPreload } from "../../../../../components/math/index.ts";
import { getCurrentUser } from "../../../../../lib/auth.ts";
import { lessonExists } from "../../../../../lib/courses/route-checks.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";

export default async function LessonLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string; lesson: string }> }) {
  const { slug, lesson } = await params;
  if (!(await getCurrentUser())) return children;
  if (!(await lessonExists(slug, lesson))) notFound();
  // Preloads rendered here reach the document's head, which is sent before the page streams in.
  const content = await getLesson(lesson, await getLocale());
  return (
    <>
      <MathFontPreloads files={content ? mathFontsToPreload(content.html) : []} />
      {children}
    </>
  );
}
