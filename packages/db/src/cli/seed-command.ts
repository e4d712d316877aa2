// `pnpm db:seed [--demo] [--instructor <email>]`:
// - no flag: the built-in course's content (course, lessons, exercise versions, assignments) and
//   nothing else: no accounts, no join codes. What production runs.
// - --demo: also the demo accounts with their published passwords and the demo join codes (the
//   start command passes it; never use it on a server others can reach).
// - --instructor E: makes the existing account E an instructor of the built-in course.
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { DEMO, enrollBuiltInInstructor, seedCourseContent, seedDemoAccounts, type DemoContent } from "../seed/index.ts";
import { EXIT, type CliIo } from "./io.ts";

export const SEED_USAGE = "usage: pnpm db:seed [--demo] [--instructor <email>]";

const SeedArgs = z.object({
  demo: z.boolean().default(false),
  instructor: z.email({ error: "--instructor must be an email address" }).optional(),
});

export async function runSeed(argv: string[], db: Db, loadContent: () => Promise<DemoContent>, io: CliIo): Promise<number> {
  let values: unknown;
  try {
    ({ values } = parseArgs({ args: argv, options: { demo: { type: "boolean" }, instructor: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${SEED_USAGE}`);
    return EXIT.usage;
  }
  const args = SeedArgs.safeParse(values);
  if (!args.success) {
    io.err(`${args.error.issues.map((i) => i.message).join("\n")}\n${SEED_USAGE}`);
    return EXIT.usage;
  }
  const r = await seedCourseContent(db, await loadContent());
  io.out(`seeded "${DEMO.courseTitle}": ${r.lessons} lessons, ${r.assignments} assignments (no accounts)`);
  if (args.data.instructor) {
    try {
      await enrollBuiltInInstructor(db, r.courseId, args.data.instructor);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      io.err(error.message);
      return EXIT.failed;
    }
    io.out(`${args.data.instructor} is an instructor of ${DEMO.courseSlug}`);
  }
  if (args.data.demo) {
    await seedDemoAccounts(db, r.courseId);
    io.out(
      `demo accounts: instructor ${DEMO.instructor.email} / ${DEMO.instructor.password}, student ${DEMO.student.email} / ${DEMO.student.password}, join code ${DEMO.joinCode}`,
    );
  }
  return EXIT.ok;
}
