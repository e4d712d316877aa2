/**
 * The three authoring jobs on a draft bundle, run on the grader:
 * - check: the CLI's exercise check (statements, reference and alternatives on N seeds, starter,
 *   mutants, same seed, input domain, feedback, test strength), course code in the author sandbox;
 * - preview: grades an instructor's attempt against the draft, as a student's would be (the
 *   result is kept on the job, apart from real grades);
 * - publish: makes the draft a new version of the course's exercise.
 * A draft that cannot be read or compiled gets its problems back with file, line and column.
 */
import {
  checkExercise,
  checkSeeds,
  bundleSubject,
  bundleHash,
  parseBundle,
  type ExerciseBundle,
  type CheckReport,
} from "@course/exercise-kit";
import type {
  CheckJobResult,
  FileProblem,
  PreviewJobResult,
  PublishJobResult,
} from "@course/exercise-kit/authoring";
import { markDraftPublished, passingCheck, type ClaimedAuthoringJob, type Db } from "@course/db";
import { publishBundle } from "../course/catalogue.ts";
import { planPublicFixtures } from "../course/fixtures.ts";
import { CourseCodeError, type CourseVersion } from "../course/runner.ts";
import { courseVersionFromBundle } from "../course/versions.ts";
import { gradeSubmission, type GradingEngine } from "../grading.ts";
import { sandboxRunner } from "./sandbox-runner.ts";

/** A job the instructor must fix (their files), as opposed to a fault of the grader. */
export class AuthoringProblem extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join("\n"));
  }
}

function problemsOf(e: unknown): FileProblem[] {
  if (e instanceof CourseCodeError && e.problems.length > 0)
    return e.problems.slice(0, 50).map((p) => ({ ...p, message: p.message.slice(0, 5000) }));
  const message = (e as Error).message.slice(0, 5000);
  // A malformed part (BundleError) names its file first: "exercise.json: ...".
  const named = /^([\w./-]+\.(?:json|ts|md)): /.exec(
    message.replace(/^the exercise is malformed: /, ""),
  );
  return [{ file: named?.[1] ?? "exercise", line: 0, column: 0, message }];
}

async function prepare(
  job: ClaimedAuthoringJob,
): Promise<{ bundle: ExerciseBundle; version: CourseVersion }> {
  let bundle: ExerciseBundle;
  try {
    bundle = parseBundle(JSON.parse(job.bundle));
  } catch (e) {
    throw new AuthoringProblem(problemsOf(e));
  }
  if (bundleHash(bundle) !== job.bundleHash)
    throw new Error("the job's bundle does not match its content hash");
  try {
    return { bundle, version: await courseVersionFromBundle(bundle) };
  } catch (e) {
    throw new AuthoringProblem(problemsOf(e));
  }
}

function summarize(report: CheckReport, publicFixtures: unknown): CheckJobResult {
  const s = report.strength;
  return {
    ok: report.ok,
    problems: [],
    items: report.items.map((i) => ({
      ...i,
      name: i.name.slice(0, 1000),
      detail: i.detail.slice(0, 20_000),
    })),
    strength: s
      ? {
          total: s.total,
          killed: s.killed,
          equivalent: s.equivalent.length,
          score: s.score,
          survivors: s.survivors
            .slice(0, 500)
            .map((m) => ({ key: m.key.slice(0, 2000), line: m.line })),
        }
      : null,
    seeds: report.seeds,
    durationMs: report.durationMs,
    publicFixtures,
  };
}

export async function runCheck(
  engine: GradingEngine,
  job: ClaimedAuthoringJob,
  onProgress: (line: string) => void,
): Promise<CheckJobResult> {
  const started = performance.now();
  let prepared;
  try {
    prepared = await prepare(job);
  } catch (e) {
    if (!(e instanceof AuthoringProblem)) throw e;
    return {
      ok: false,
      problems: e.problems,
      items: [],
      strength: null,
      seeds: [],
      durationMs: Math.round(performance.now() - started),
      publicFixtures: null,
    };
  }
  const { bundle, version } = prepared;
  const seeds = checkSeeds(Math.max(1, Math.min(job.seeds, 20)));
  onProgress("planning the tests");
  let cases;
  try {
    cases = (await engine.course.plan(version, seeds[0] ?? 1, "all")).cases;
  } catch (e) {
    return {
      ok: false,
      problems: problemsOf(e),
      items: [],
      strength: null,
      seeds,
      durationMs: Math.round(performance.now() - started),
      publicFixtures: null,
    };
  }
  const report = await checkExercise(bundleSubject(bundle, cases), {
    seeds,
    runner: sandboxRunner(engine, version),
    strength: true,
    onProgress,
  });
  onProgress("public tests for the preview");
  const fixtures = await planPublicFixtures(engine.course, version).catch(() => null);
  return summarize(report, fixtures);
}

export async function runPreview(
  engine: GradingEngine,
  job: ClaimedAuthoringJob,
): Promise<PreviewJobResult> {
  if (job.code === null) throw new Error("a preview job carries the code to grade");
  try {
    const { version } = await prepare(job);
    return { problems: [], report: (await gradeSubmission(engine, version, job.code)).report };
  } catch (e) {
    if (e instanceof AuthoringProblem) return { problems: e.problems, report: null };
    if (e instanceof CourseCodeError) return { problems: problemsOf(e), report: null };
    throw e;
  }
}

export async function runPublish(
  db: Db,
  engine: GradingEngine,
  job: ClaimedAuthoringJob,
): Promise<PublishJobResult> {
  const { bundle } = await prepare(job);
  // The web app asks for a publish only after a passing check of this content; so does the grader.
  if ((await passingCheck(db, job.draftId, job.bundleHash)) === null)
    throw new AuthoringProblem([
      {
        file: "exercise",
        line: 0,
        column: 0,
        message: "Run Check on this content first: only a passing check can be published.",
      },
    ]);
  const draft = await db.exerciseDraft.findUniqueOrThrow({
    where: { id: job.draftId },
    select: { slug: true },
  });
  const id = (JSON.parse(bundle.files["exercise.json"] ?? "{}") as { id?: unknown }).id;
  if (id !== draft.slug)
    throw new AuthoringProblem([
      {
        file: "exercise.json",
        line: 0,
        column: 0,
        message: `"id" must be "${draft.slug}", the exercise's id in this course`,
      },
    ]);
  const owner = await db.exercise.findUnique({
    where: { slug: draft.slug },
    select: { courseId: true },
  });
  if (owner !== null && owner.courseId !== job.courseId)
    throw new AuthoringProblem([
      {
        file: "exercise.json",
        line: 0,
        column: 0,
        message: `the id "${draft.slug}" belongs to another exercise`,
      },
    ]);
  const r = await publishBundle(db, engine.course, bundle, { courseId: job.courseId });
  const exercise = await db.exercise.findUniqueOrThrow({
    where: { slug: draft.slug },
    select: { id: true },
  });
  await markDraftPublished(db, job.draftId, exercise.id, r.versionId);
  return { version: r.version, versionId: r.versionId, created: r.created };
}
