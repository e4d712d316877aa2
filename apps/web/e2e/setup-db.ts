// Creates the e2e database: applies migrations to DATABASE_URL (a fresh SQLite file in a temp
// folder chosen by playwright.config.ts), loads the demo course with @course/db's seedDemo, then
// the e2e-only courses of ./fixtures.ts. Run with tsx before the web server starts (Playwright
// starts webServer entries before globalSetup, so this is the first step of the web server's
// command).
import { applyMigrations, createDb, createUser, dbConfigFromEnv, hashPassword, type Db } from "@course/db";
import { DEMO, loadDemoContent, seedDemo } from "@course/db/seed";
import { ASSESS, GRADEBOOK, STAFF, STATES } from "./fixtures.ts";

const DAY = 24 * 60 * 60 * 1000;

async function instructorId(db: Db): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email: DEMO.instructor.email }, select: { id: true } })).id;
}

async function course(db: Db, slug: string, title: string): Promise<string> {
  const row = await db.course.upsert({
    where: { slug },
    create: { slug, title, description: `${title} (created by the e2e setup).`, published: false },
    update: { title, published: false },
  });
  await db.enrollment.upsert({
    where: { userId_courseId: { userId: await instructorId(db), courseId: row.id } },
    create: { userId: await instructorId(db), courseId: row.id, role: "instructor" },
    update: { role: "instructor" },
  });
  return row.id;
}

type Window = { opensAt: Date; dueAt: Date; lateDueAt: Date; latePenalty: number; maxAttempts: number; points: number };

async function assign(db: Db, courseId: string, exerciseSlug: string, position: number, window: Window): Promise<string> {
  const exercise = await db.exercise.findUniqueOrThrow({ where: { slug: exerciseSlug }, select: { id: true } });
  const row = await db.assignment.upsert({
    where: { courseId_exerciseId: { courseId, exerciseId: exercise.id } },
    create: { courseId, exerciseId: exercise.id, position, ...window },
    update: { position, ...window },
  });
  return row.id;
}

/** The assignment-states course: late, closed and one-attempt assignments, joined with STATES.joinCode. */
async function seedStates(db: Db, now: Date) {
  const courseId = await course(db, STATES.courseSlug, STATES.courseTitle);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  await assign(db, courseId, STATES.late.exercise, 1, { opensAt: at(-10), dueAt: at(-1), lateDueAt: at(10), latePenalty: STATES.late.latePenalty, maxAttempts: 10, points: 100 });
  await assign(db, courseId, STATES.closed.exercise, 2, { opensAt: at(-20), dueAt: at(-10), lateDueAt: at(-7), latePenalty: 0.2, maxAttempts: 10, points: 100 });
  await assign(db, courseId, STATES.exhausted.exercise, 3, { opensAt: at(-1), dueAt: at(30), lateDueAt: at(33), latePenalty: 0.2, maxAttempts: STATES.exhausted.maxAttempts, points: 100 });
  await db.joinCode.upsert({
    where: { code: STATES.joinCode },
    create: { code: STATES.joinCode, courseId, role: "student" },
    update: { courseId, expiresAt: null, maxUses: null },
  });
}

/** The gradebook courses: one with known students and graded attempts, one with no students. */
async function seedGradebook(db: Db, now: Date) {
  await course(db, GRADEBOOK.emptyCourseSlug, GRADEBOOK.emptyCourseTitle);
  const empty = await db.course.findUniqueOrThrow({ where: { slug: GRADEBOOK.emptyCourseSlug } });
  const window: Window = { opensAt: new Date(now.getTime() - DAY), dueAt: new Date(now.getTime() + 7 * DAY), lateDueAt: new Date(now.getTime() + 10 * DAY), latePenalty: 0.2, maxAttempts: 10, points: 100 };
  for (const [i, slug] of GRADEBOOK.exercises.entries()) await assign(db, empty.id, slug, i + 1, window);

  const courseId = await course(db, GRADEBOOK.courseSlug, GRADEBOOK.courseTitle);
  const assignments = new Map<string, { id: string; versionId: string }>();
  for (const [i, slug] of GRADEBOOK.exercises.entries()) {
    const id = await assign(db, courseId, slug, i + 1, window);
    const version = await db.exerciseVersion.findFirstOrThrow({ where: { exercise: { slug } }, orderBy: { version: "desc" }, select: { id: true } });
    assignments.set(slug, { id, versionId: version.id });
  }
  const passwordHash = await hashPassword("gradebook-pass-1");
  for (const s of GRADEBOOK.students) {
    const user = await db.user.upsert({ where: { email: s.email }, create: { email: s.email, name: s.name, passwordHash }, update: { name: s.name } });
    await db.enrollment.upsert({
      where: { userId_courseId: { userId: user.id, courseId } },
      create: { userId: user.id, courseId, role: "student" },
      update: { role: "student" },
    });
    for (const [slug, scores] of Object.entries(s.attempts)) {
      const a = assignments.get(slug);
      if (!a || !scores) throw new Error(`gradebook fixture: ${slug} is not one of the course's exercises`);
      for (const [n, score] of scores.entries()) {
        // A graded attempt as the grader leaves it: the submission's scores and a finished job.
        const data = { code: `// ${s.name}, attempt ${n + 1}\n`, isLate: false, rawScore: score, score, maxScore: 100, createdAt: new Date(now.getTime() - (10 - n) * 60_000) };
        const sub = await db.submission.upsert({
          where: { userId_assignmentId_attemptNumber: { userId: user.id, assignmentId: a.id, attemptNumber: n + 1 } },
          create: { userId: user.id, assignmentId: a.id, exerciseVersionId: a.versionId, attemptNumber: n + 1, ...data },
          update: data,
        });
        const job = { status: "graded", outcome: score === 100 ? "passed" : "failed", score, maxScore: 100, attempts: 1, finishedAt: data.createdAt };
        await db.gradingJob.upsert({ where: { submissionId: sub.id }, create: { submissionId: sub.id, ...job }, update: job });
      }
    }
  }
}

/** The assessment staff course: a TA, a join code, a closed, an open and a settings assignment. */
async function seedAssess(db: Db, now: Date) {
  const courseId = await course(db, ASSESS.courseSlug, ASSESS.courseTitle);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  await assign(db, courseId, ASSESS.closed, 1, { opensAt: at(-10), dueAt: at(-1), lateDueAt: at(-1), latePenalty: 0, maxAttempts: 2, points: 100 });
  const open = await assign(db, courseId, ASSESS.open, 2, { opensAt: at(-1), dueAt: at(30), lateDueAt: at(30), latePenalty: 0, maxAttempts: 100, points: 100 });
  await db.assignment.update({ where: { id: open }, data: { maxAttempts: null } });
  const regrade = await assign(db, courseId, ASSESS.regrade, 4, { opensAt: at(-1), dueAt: at(30), lateDueAt: at(30), latePenalty: 0, maxAttempts: 100, points: 100 });
  await db.assignment.update({ where: { id: regrade }, data: { maxAttempts: null } });
  await assign(db, courseId, ASSESS.settings, 3, { opensAt: at(-1), dueAt: at(20), lateDueAt: at(20), latePenalty: 0, maxAttempts: 5, points: 100 });
  // An exercise the grader cannot load (its version has no files): gradings fail for infrastructure reasons.
  const model = await db.exerciseVersion.findFirstOrThrow({ where: { exercise: { slug: ASSESS.settings } }, orderBy: { version: "desc" } });
  const broken = await db.exercise.upsert({ where: { slug: ASSESS.infra }, create: { slug: ASSESS.infra, title: "Ungradable (e2e)", courseId }, update: {} });
  await db.exerciseVersion.upsert({
    where: { exerciseId_contentHash: { exerciseId: broken.id, contentHash: "e2e-no-files" } },
    create: { exerciseId: broken.id, version: 1, contentHash: "e2e-no-files", manifest: model.manifest, starterCode: model.starterCode, bundle: null, publicFixtures: null },
    update: {},
  });
  await assign(db, courseId, ASSESS.infra, 5, { opensAt: at(-1), dueAt: at(30), lateDueAt: at(30), latePenalty: 0, maxAttempts: 1, points: 100 });
  const ta = await db.user.upsert({
    where: { email: ASSESS.ta.email },
    create: { email: ASSESS.ta.email, name: ASSESS.ta.name, passwordHash: await hashPassword(ASSESS.ta.password) },
    update: { name: ASSESS.ta.name },
  });
  await db.enrollment.upsert({ where: { userId_courseId: { userId: ta.id, courseId } }, create: { userId: ta.id, courseId, role: "ta" }, update: { role: "ta" } });
  await db.joinCode.upsert({
    where: { code: ASSESS.joinCode },
    create: { code: ASSESS.joinCode, courseId, role: "student" },
    update: { courseId, expiresAt: null, maxUses: null },
  });
}

const config = dbConfigFromEnv();
const applied = await applyMigrations(config);
const db = createDb(config);
try {
  const now = new Date();
  const result = await seedDemo(db, await loadDemoContent(), now);
  await seedStates(db, now);
  await seedGradebook(db, now);
  // The staff specs' instructor, created exactly as the admin CLI creates one.
  await createUser(db, { ...STAFF.instructor, platformRole: "instructor" });
  await seedAssess(db, now);
  console.log(
    `[e2e] ${config.url}: ${applied.length} migrations, ${result.lessons} lessons, ${result.assignments} assignments, course ${DEMO.courseSlug}; e2e courses ${STATES.courseSlug}, ${GRADEBOOK.courseSlug}, ${GRADEBOOK.emptyCourseSlug}`,
  );
} finally {
  await db.$disconnect();
}
