// Page titles in the reader's language (the tab, bookmarks and screen readers' first words).
import type { Metadata } from "next";
import { commonMessages } from "./messages/common.ts";
import { courseMessages } from "./messages/courses.ts";
import { getLocale } from "./server.ts";
import { translator } from "./index.ts";

type CommonKey = keyof (typeof commonMessages)["en"];
type CourseKey = keyof (typeof courseMessages)["en"];

/** generateMetadata for a page whose title is one message. */
export function titleFrom(source: { common: CommonKey } | { courses: CourseKey }): () => Promise<Metadata> {
  return async () => {
    const locale = await getLocale();
    const title = "common" in source ? translator(commonMessages, locale)(source.common) : translator(courseMessages, locale)(source.courses);
    return { title };
  };
}
