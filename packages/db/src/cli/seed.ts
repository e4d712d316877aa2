import { createDb } from "../client.ts";
import { dbConfigFromEnv } from "../config.ts";
import { DEMO, loadDemoContent, seedDemo } from "../seed/index.ts";

const db = createDb(dbConfigFromEnv());
try {
  const r = await seedDemo(db, await loadDemoContent());
  console.log(
    `seeded "${DEMO.courseTitle}": ${r.lessons} lessons, ${r.assignments} assignments; ` +
      `instructor ${DEMO.instructor.email} / ${DEMO.instructor.password}, student ${DEMO.student.email} / ${DEMO.student.password}, join code ${DEMO.joinCode}`,
  );
} finally {
  await db.$disconnect();
}
