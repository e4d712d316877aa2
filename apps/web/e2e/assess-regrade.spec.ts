// Regrading with the real grader: a student's graded attempt; a new version of the exercise is
// published with `pnpm exercise sync`; the instructor regrades everyone's submissions and watches
// the progress bar reach 100 %; the viewer shows the new grade (the new version) with the old one
// kept in its history, and the gradebook still links the counting attempt.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { COURSE, EXERCISES, STAFF, assignmentId, expectNoViolations, graded, solution, submit } from "./assess-helpers.ts";
import { ASSESS } from "./fixtures.ts";
import { DEMO, apiSignIn, newEnrolledStudent } from "./helpers.ts";

const run = promisify(execFile);
const REPO = join(import.meta.dirname, "../../..");

/** Publishes a changed copy of the exercise (one more sentence in its statement) as its next version. */
async function publishNewVersion(exercise: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "assess-sync-"));
  try {
    cpSync(join(EXERCISES, exercise), join(root, exercise), { recursive: true });
    const statement = join(root, exercise, "statement.en.md");
    writeFileSync(statement, `${readFileSync(statement, "utf8")}\nRevised for the regrade test.\n`);
    const { stdout } = await run(process.execPath, ["--no-node-snapshot", "--import", "tsx", "apps/grader/src/cli/exercise.ts", "sync", "--root", root], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: `file:${join(process.env.E2E_DIR!, "e2e.db")}`, INIT_CWD: REPO, NO_COLOR: "1", FORCE_COLOR: "0" },
      timeout: 150_000,
    });
    expect(stdout).toMatch(new RegExp(`${exercise}\\s+published version \\d+`));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("regrade against a new version: the progress bar reaches 100 % and the old grade stays in history", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const student = await newEnrolledStudent(page, ASSESS.joinCode);
  const id = await assignmentId(page, ASSESS.regrade);
  const sub = await submit(page, id, solution(ASSESS.regrade));
  await graded(page, sub);

  await publishNewVersion(ASSESS.regrade);

  const staff = await (await browser.newContext()).newPage();
  await apiSignIn(staff, DEMO.instructor.email, DEMO.instructor.password);
  await staff.goto(`${COURSE}/staff/submissions/${sub}`);
  const before = (await staff.getByTestId("detail-version").textContent())!;
  await expect(staff.getByTestId("no-grade-history")).toBeVisible();

  await staff.goto(`${STAFF}/${ASSESS.regrade}`);
  const version = staff.getByLabel("Grade against");
  const newest = (await version.locator("option").first().textContent())!;
  expect(newest).not.toContain(`(${before})`); // the newest version is the one just published
  await version.selectOption({ index: 0 });
  await staff.getByRole("button", { name: "Start regrade" }).click();
  const progress = staff.getByTestId("regrade-progress");
  await expect(staff.getByRole("progressbar", { name: "Regrade progress" })).toBeVisible();
  await expect(progress).toHaveAttribute("data-finished", "true", { timeout: 120_000 });
  await expect(progress).toHaveAttribute("data-percent", "100");
  await expect(progress).toContainText("100%");
  await expect(progress).toContainText("Regrade finished");
  await expectNoViolations(staff);
  await staff.reload();
  await expect(staff.getByTestId("regrade-runs").locator("tbody tr").first()).toContainText("Finished");

  // The gradebook's cell still links the counting attempt, now graded against the new version.
  await staff.goto(`${COURSE}/gradebook`);
  await staff.locator(`tr[data-student="${student.email}"] [data-testid=gradebook-cell][data-exercise=${ASSESS.regrade}] [data-testid=cell-link]`).click();
  await expect(staff).toHaveURL(new RegExp(`/staff/submissions/${sub}$`));
  await expect(staff.getByTestId("counting-state")).toHaveText("Counts in the gradebook");
  const after = (await staff.getByTestId("detail-version").textContent())!;
  expect(Number(after.slice(1))).toBeGreaterThan(Number(before.slice(1)));
  await expect(staff.getByTestId("submission-result")).toHaveAttribute("data-status", "graded");
  await expect(staff.getByTestId("detail-score")).toHaveText("100 / 100");
  const history = staff.getByTestId("grade-history").locator("tbody tr");
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText(before);
  await expect(history.first()).toContainText("passed");
  await expect(history.first()).toContainText("100 / 100");
});
