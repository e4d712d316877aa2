// A lesson's body: its prose (server-rendered HTML) with the interactive blocks in place. The demo
// slots, quizzes and Run buttons are small client components; the demos' own code loads later.
import { demoSpecs, type LessonSegment, type QuizAnswers } from "@course/lessons";
import type { Locale } from "../../lib/i18n/index.ts";
import { DemoSlot } from "./DemoSlot.tsx";
import { Quiz } from "./Quiz.tsx";
import { RenderSkippedBlocks } from "./RenderSkippedBlocks.tsx";
import { RunnableSample } from "./RunnableSample.tsx";

/** Code blocks and tables scroll sideways on small screens: make them reachable with the keyboard. */
export function focusableCode(html: string): string {
  return html.replaceAll("<pre ", '<pre tabindex="0" ').replaceAll("<table>", '<table tabindex="0">');
}

/**
 * Wide display maths scrolls sideways; the wrapper's scroll-shadow (lesson.css) shows that there is
 * more, and the role/label tell keyboard and screen-reader users.
 */
export function scrollableMath(html: string, label: string): string {
  return html.replaceAll('<div class="math-display">', `<div class="math-display" tabindex="0" role="region" aria-label="${label}">`);
}

export interface LessonBodyProps {
  segments: readonly LessonSegment[];
  lang: string;
  lessonId: string;
  courseSlug: string;
  answers: QuizAnswers;
  locale: Locale;
  mathLabel: string;
}

export function LessonBody({ segments, lang, lessonId, courseSlug, answers, locale, mathLabel }: LessonBodyProps) {
  return (
    <div className="prose" lang={lang}>
      {segments.map((s, i) => {
        switch (s.kind) {
          case "html":
            return <div key={i} className="prose-part" dangerouslySetInnerHTML={{ __html: scrollableMath(focusableCode(s.html), mathLabel) }} />;
          case "sample":
            return <RunnableSample key={i} index={s.index} html={focusableCode(s.html)} source={s.source} expected={s.expected} locale={locale} />;
          case "quiz":
            return (
              <Quiz
                key={i}
                quiz={s.quiz}
                questionHtml={s.questionHtml}
                optionsHtml={s.optionsHtml}
                explanationHtml={s.explanationHtml}
                lessonId={lessonId}
                saved={answers[s.quiz.id]}
                locale={locale}
              />
            );
          case "demo":
            return <DemoSlot key={i} name={s.name} params={s.params} ownCode={demoSpecs[s.name].ownCode} locale={locale} courseSlug={courseSlug} />;
        }
      })}
      <RenderSkippedBlocks />
    </div>
  );
}
