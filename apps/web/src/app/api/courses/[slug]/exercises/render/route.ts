// POST: a statement's Markdown rendered as the exercise page renders it (the editor's live
// preview; instructors only). The renderer escapes raw HTML.
import { z } from "zod";
import { renderMarkdown } from "@course/lessons";
import { route } from "../../../../../../lib/api.ts";
import { requireInstructor } from "../../../../../../lib/authoring/access.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { stripLeadingTitle } from "../../../../../../lib/exercise/statement.ts";
import { IdParamSchema } from "../../../../../../lib/exercise/schemas.ts";

const Params = z.object({ slug: IdParamSchema });
const Body = z
  .object({ markdown: z.string().max(512 * 1024, "A statement may be at most 512 KB.") })
  .strict();

export const POST = route(
  { params: Params, body: Body, auth: true, maxBody: 4 * 1024 * 1024 },
  async ({ params, body, user }) => {
    await requireInstructor(getDb(), params.slug, user.id);
    return { html: renderMarkdown(stripLeadingTitle(body.markdown)) };
  },
);
