import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { hashPassword } from "../passwords.ts";
import { publishExerciseVersion, type ExerciseSnapshot } from "../repositories/exercises.ts";

export interface DemoLesson {
  slug: string;
  number: number;
  title: string;
  titleZh?: string | null;
}

export interface DemoExercise extends Omit<ExerciseSnapshot, "lessonId"> {
  /** The lesson number the exercise belongs to (COURSE.md). */
  lesson: number;
}

export interface DemoContent {
  lessons: DemoLesson[];
  exercises: DemoExercise[];
}

export const DEMO = {
  courseSlug: "deep-learning-from-scratch",
  courseTitle: "Deep Learning from Scratch in TypeScript",
  courseTitleZh: "用 TypeScript 从零实现深度学习",
  instructor: { email: "instructor@example.com", password: "instructor-pass-1", name: "Ada Instructor" },
  student: { email: "student@example.com", password: "student-pass-1", name: "Sam Student" },
  joinCode: "DLTS-2026",
  expiredJoinCode: "EXPIRED-2020",
} as const;

const DAY = 24 * 60 * 60 * 1000;

/**
 * Loads the built-in course's content: the course, its lessons, every exercise's version and one
 * assignment per exercise (due dates a week apart from the seeding day, a 3-day late window at
 * 20 % off, 10 attempts). No accounts and no join codes: what production loads (`pnpm db:seed`).
 * Idempotent: running it again updates content and publishes new exercise versions only where an
 * exercise changed; it never deletes students' work.
 */
export async function seedCourseContent(db: Db, content: DemoContent, now = new Date()) {
  const course = await db.course.upsert({
    where: { slug: DEMO.courseSlug },
    create: {
      slug: DEMO.courseSlug,
      title: DEMO.courseTitle,
      titleZh: DEMO.courseTitleZh,
      description:
        "Build neural networks from the tensor up: dense layers, backpropagation, optimisers, CNNs, RNNs, attention and the Transformer, GANs, and the craft of training and evaluating models, all in TypeScript with tfjs.",
      descriptionZh:
        "从张量开始搭建神经网络：全连接层、反向传播、优化器、卷积网络、循环网络、注意力与 Transformer、GAN，以及训练与评估模型的方法，全部使用 TypeScript 和 tfjs。",
    },
    update: { title: DEMO.courseTitle, titleZh: DEMO.courseTitleZh },
  });

  const lessonIds = new Map<number, string>();
  for (const l of [...content.lessons].sort((a, b) => a.number - b.number)) {
    const row = await db.lesson.upsert({
      where: { courseId_slug: { courseId: course.id, slug: l.slug } },
      create: { courseId: course.id, slug: l.slug, position: l.number, title: l.title, titleZh: l.titleZh ?? null },
      update: { position: l.number, title: l.title, titleZh: l.titleZh ?? null },
    });
    lessonIds.set(l.number, row.id);
  }

  const exercises = [...content.exercises].sort((a, b) => a.lesson - b.lesson);
  for (const [i, e] of exercises.entries()) {
    const { exercise } = await publishExerciseVersion(db, { ...e, lessonId: lessonIds.get(e.lesson) ?? null });
    const dueAt = new Date(now.getTime() + (7 + 7 * (e.lesson - 1)) * DAY);
    await db.assignment.upsert({
      where: { courseId_exerciseId: { courseId: course.id, exerciseId: exercise.id } },
      create: {
        courseId: course.id,
        exerciseId: exercise.id,
        position: i + 1,
        opensAt: new Date(now.getTime() - DAY),
        dueAt,
        lateDueAt: new Date(dueAt.getTime() + 3 * DAY),
        latePenalty: 0.2,
        maxAttempts: 10,
        points: 100,
      },
      update: { position: i + 1 },
    });
  }

  return { courseId: course.id, lessons: lessonIds.size, assignments: exercises.length };
}

/**
 * The demo accounts (an instructor and a student, with the passwords published in the README) and
 * the demo join codes, on the built-in course. Only `pnpm start` and `pnpm db:seed --demo` load them.
 */
export async function seedDemoAccounts(db: Db, courseId: string) {
  const users = [];
  for (const [account, role] of [
    [DEMO.instructor, "instructor"],
    [DEMO.student, "student"],
  ] as const) {
    const user = await db.user.upsert({
      where: { email: account.email },
      // The demo instructor may create courses too (platform role), so the staff pages have someone to show.
      create: { email: account.email, name: account.name, passwordHash: await hashPassword(account.password), platformRole: role === "instructor" ? "instructor" : "user" },
      update: role === "instructor" ? { platformRole: "instructor" } : {},
    });
    await db.enrollment.upsert({
      where: { userId_courseId: { userId: user.id, courseId } },
      create: { userId: user.id, courseId, role },
      update: { role },
    });
    users.push(user);
  }

  await db.joinCode.upsert({
    where: { code: DEMO.joinCode },
    create: { code: DEMO.joinCode, courseId, role: "student", createdById: users[0]!.id },
    update: { expiresAt: null },
  });
  await db.joinCode.upsert({
    where: { code: DEMO.expiredJoinCode },
    create: { code: DEMO.expiredJoinCode, courseId, role: "student", expiresAt: new Date("2020-12-31T00:00:00Z") },
    update: {},
  });
}

/** The built-in course with the demo accounts and join codes (the start command, the e2e setup). */
export async function seedDemo(db: Db, content: DemoContent, now = new Date()) {
  const result = await seedCourseContent(db, content, now);
  await seedDemoAccounts(db, result.courseId);
  return result;
}

/** Makes an existing account an instructor of the built-in course (`pnpm db:seed --instructor E`). */
export async function enrollBuiltInInstructor(db: Db, courseId: string, email: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new DomainError("not_found", `No account has the email ${email}: create it first with \`pnpm admin create-user\`.`);
  await db.enrollment.upsert({
    where: { userId_courseId: { userId: user.id, courseId } },
    create: { userId: user.id, courseId, role: "instructor" },
    update: { role: "instructor" },
  });
}
