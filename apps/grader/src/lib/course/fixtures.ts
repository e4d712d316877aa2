/**
 * Public fixtures are part of publishing a version: the public tests' calls and expected values,
 * planned once in the author sandbox on the exercise's public seed and stored with the version,
 * so the web server shows and scores public tests without ever running course code.
 */
import { storePublicFixtures, versionsMissingFixtures, type Db } from "@course/db";
import { fixturesFromPlan, publicSeed, type PublicFixtures } from "@course/exercise-kit";
import type { Logger } from "../log.ts";
import type { CourseSandbox, CourseVersion } from "./runner.ts";
import { dbVersionLoader } from "./versions.ts";

export async function planPublicFixtures(course: CourseSandbox, version: CourseVersion): Promise<PublicFixtures> {
  const id = version.manifest.id;
  return fixturesFromPlan(await course.plan(version, publicSeed(id), "public"));
}

/**
 * Computes and stores the fixtures of every version that has files but none yet (versions the
 * seed or an older grader recorded). A version whose course code fails is logged and skipped:
 * its exercise page says its public tests are not ready, and grading it reports the same error.
 * `loadVersion` is the grader's own loader, so a version compiled here is not compiled again for
 * its first grading.
 */
export async function fillPublicFixtures(db: Db, course: CourseSandbox, log: Logger, loadVersion = dbVersionLoader(db)): Promise<number> {
  let stored = 0;
  for (const row of await versionsMissingFixtures(db)) {
    try {
      const version = await loadVersion(row.id, row.contentHash);
      if (await storePublicFixtures(db, row.id, await planPublicFixtures(course, version))) stored++;
    } catch (e) {
      log("error", "could not compute a version's public fixtures", { versionId: row.id, error: (e as Error).message });
    }
  }
  return stored;
}
