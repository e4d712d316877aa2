// An authoring job as the editor receives it: the stored JSON parsed with the grader's schemas,
// so the page never shows anything the grader did not produce in that shape.
import type { latestAuthoringJob } from "@course/db";
import {
  CheckJobResultSchema,
  JobProgressSchema,
  PreviewJobResultSchema,
  PublishJobResultSchema,
} from "@course/exercise-kit/authoring";
import type { JobView } from "./schemas.ts";

type JobRow = NonNullable<Awaited<ReturnType<typeof latestAuthoringJob>>>;

const resultSchema = {
  check: CheckJobResultSchema,
  preview: PreviewJobResultSchema,
  publish: PublishJobResultSchema,
} as const;

export function jobView(job: JobRow): JobView {
  const kind = job.kind as JobView["kind"];
  const progress = JobProgressSchema.safeParse(JSON.parse(job.progress));
  let result: unknown = null;
  if (job.result !== null) {
    const parsed = resultSchema[kind].safeParse(JSON.parse(job.result));
    result = parsed.success ? parsed.data : null;
  }
  return {
    id: job.id,
    kind,
    status: job.status as JobView["status"],
    progress: progress.success ? progress.data : [],
    result,
    error: job.error,
    bundleHash: job.bundleHash,
  };
}
