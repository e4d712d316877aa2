import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../passwords.ts";
import { providers } from "../testing/providers.ts";
import type { FreshDb } from "../testing/fresh-db.ts";
import { DomainError } from "../errors.ts";
import { listAudit, recordAudit } from "./audit.ts";
import { createCourse, setCourseArchived, updateCourse } from "./course-admin.ts";
import { createJoinCode, listJoinCodes, randomJoinCode, revokeJoinCode } from "./join-codes.ts";
import { checkPasswordReset, createPasswordReset, resetTokenHash, usePasswordReset } from "./password-resets.ts";
import { changeMemberRole, importRoster, issueStudentReset, listRoster, removeMember } from "./roster.ts";
import { staffCourses, teachesAnyCourse } from "./staff-home.ts";
import { canCreateCourses, createUser } from "./users.ts";

const FIELDS = { title: "Course", titleZh: null, description: "About", descriptionZh: null, language: "en", published: true };
const DAY = 24 * 60 * 60 * 1000;

describe.each(providers())("staff repositories on $name", ({ fresh }) => {
  let f: FreshDb;
  let instructorId: string;
  beforeEach(async () => {
    f = await fresh();
    instructorId = (await createUser(f.db, { email: "Ada@Example.com", name: "Ada", password: "teach-pass-1", platformRole: "instructor" })).id;
  });
  afterEach(() => f.dispose());

  const member = async (email: string, courseId: string, role = "student") => {
    const user = await f.db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: "x" } });
    await f.db.enrollment.create({ data: { userId: user.id, courseId, role } });
    return user.id;
  };

  it("creates users with a platform role, refuses a second account for one email, and says who may create courses", async () => {
    const ada = await f.db.user.findUniqueOrThrow({ where: { id: instructorId } });
    expect(ada.email).toBe("ada@example.com");
    expect(await verifyPassword(ada.passwordHash, "teach-pass-1")).toBe(true);
    expect(await canCreateCourses(f.db, instructorId)).toBe(true);
    const plain = await createUser(f.db, { email: "u@example.com", name: "U", password: "user-pass-1", platformRole: "user" });
    expect(await canCreateCourses(f.db, plain.id)).toBe(false);
    await expect(createUser(f.db, { email: "ADA@example.com", name: "Again", password: "x-pass-12345", platformRole: "admin" })).rejects.toThrow(/already exists/);
  });

  it("creates a course with its creator as instructor, refuses a taken slug, edits and archives with audit rows", async () => {
    const course = await createCourse(f.db, instructorId, { slug: "ml-101", ...FIELDS });
    expect(await f.db.enrollment.findFirst({ where: { courseId: course.id, userId: instructorId } })).toMatchObject({ role: "instructor" });
    await expect(createCourse(f.db, instructorId, { slug: "ml-101", ...FIELDS })).rejects.toMatchObject({ code: "conflict" });
    await updateCourse(f.db, instructorId, course.id, { ...FIELDS, title: "Machine learning", titleZh: "机器学习", language: "zh-CN" });
    const now = new Date("2026-01-01T00:00:00Z");
    expect((await setCourseArchived(f.db, instructorId, course.id, true, now)).archivedAt).toEqual(now);
    expect(await staffCourses(f.db, instructorId)).toEqual([]);
    await setCourseArchived(f.db, instructorId, course.id, false);
    expect((await staffCourses(f.db, instructorId)).map((c) => c.slug)).toEqual(["ml-101"]);

    const log = await listAudit(f.db, course.id, { page: 1, pageSize: 2 });
    expect(log.total).toBe(4);
    expect(log.pages).toBe(2);
    expect(log.entries.map((e) => e.action)).toEqual(["course.restore", "course.archive"]);
    const update = (await listAudit(f.db, course.id, { page: 2, pageSize: 2 })).entries.find((e) => e.action === "course.update");
    expect(update).toMatchObject({ actor: { name: "Ada" }, before: { title: "Course", language: "en" }, after: { title: "Machine learning", titleZh: "机器学习", language: "zh-CN" } });
    // A page past the end gives the last page rather than nothing.
    expect((await listAudit(f.db, course.id, { page: 99, pageSize: 2 })).page).toBe(2);
  });

  it("join codes: random readable codes, creation, revocation only inside the course, and who used each", async () => {
    expect(randomJoinCode()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const course = await createCourse(f.db, instructorId, { slug: "c", ...FIELDS });
    const other = await createCourse(f.db, instructorId, { slug: "d", ...FIELDS });
    const code = await createJoinCode(f.db, instructorId, course.id, { code: "TA-2026", role: "ta", expiresAt: null, maxUses: 2 });
    await expect(createJoinCode(f.db, instructorId, other.id, { code: "TA-2026", role: "student", expiresAt: null, maxUses: null })).rejects.toMatchObject({ code: "conflict" });
    const userId = await member("tim@example.com", course.id, "ta");
    await f.db.enrollment.update({ where: { userId_courseId: { userId, courseId: course.id } }, data: { joinCodeId: code.id } });
    await expect(revokeJoinCode(f.db, instructorId, other.id, code.id)).rejects.toThrow(DomainError);
    const revoked = await revokeJoinCode(f.db, instructorId, course.id, code.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const [listed] = await listJoinCodes(f.db, course.id);
    expect(listed).toMatchObject({ code: "TA-2026", role: "ta", maxUses: 2, usedBy: [{ email: "tim@example.com" }] });
    expect((await listAudit(f.db, course.id, { page: 1, pageSize: 10 })).entries.map((e) => e.action)).toContain("joinCode.revoke");
  });

  it("roster: search, sort, role change and removal, never leaving the course without an instructor", async () => {
    const course = await createCourse(f.db, instructorId, { slug: "c", ...FIELDS });
    const zoe = await member("zoe@example.com", course.id);
    await member("bob@example.com", course.id, "ta");
    expect((await listRoster(f.db, course.id, { sort: "name" })).map((m) => m.name)).toEqual(["Ada", "bob", "zoe"]);
    expect((await listRoster(f.db, course.id, { sort: "email", dir: "desc" })).map((m) => m.email)).toEqual(["zoe@example.com", "bob@example.com", "ada@example.com"]);
    expect((await listRoster(f.db, course.id, { q: "ZOE" })).map((m) => m.email)).toEqual(["zoe@example.com"]);

    await expect(changeMemberRole(f.db, instructorId, course.id, instructorId, "student")).rejects.toMatchObject({ code: "last_instructor" });
    await expect(removeMember(f.db, instructorId, course.id, instructorId)).rejects.toMatchObject({ code: "last_instructor" });
    await changeMemberRole(f.db, instructorId, course.id, zoe, "instructor");
    await changeMemberRole(f.db, zoe, course.id, instructorId, "ta");
    await removeMember(f.db, zoe, course.id, instructorId);
    expect((await listRoster(f.db, course.id)).map((m) => [m.email, m.role])).toEqual([
      ["bob@example.com", "ta"],
      ["zoe@example.com", "instructor"],
    ]);
    await expect(removeMember(f.db, zoe, course.id, instructorId)).rejects.toMatchObject({ code: "not_found" });
    const actions = (await listAudit(f.db, course.id, { page: 1, pageSize: 20 })).entries.map((e) => e.action);
    expect(actions.filter((a) => a === "roster.role")).toHaveLength(2);
    expect(actions).toContain("roster.remove");
  });

  it("roster import: enrols existing accounts, creates new ones with a reset link, leaves members as they are", async () => {
    const course = await createCourse(f.db, instructorId, { slug: "c", ...FIELDS });
    await f.db.user.create({ data: { email: "old@example.com", name: "Old", passwordHash: "x" } });
    await member("in@example.com", course.id, "ta");
    const result = await importRoster(f.db, instructorId, course.id, [
      { email: "old@example.com", name: "Old", role: "student" },
      { email: "New@Example.com", name: "李雷", role: "student" },
      { email: "in@example.com", name: "In", role: "student" },
    ]);
    expect(result.enrolled).toEqual(["old@example.com", "new@example.com"]);
    expect(result.alreadyMembers).toEqual(["in@example.com"]);
    expect(result.created).toHaveLength(1);
    const created = result.created[0]!;
    expect(created).toMatchObject({ email: "new@example.com", name: "李雷" });
    // The token itself is not stored, only its hash; it works once on the reset page.
    expect(await f.db.passwordReset.count({ where: { tokenHash: created.token } })).toBe(0);
    expect(await f.db.passwordReset.count({ where: { tokenHash: resetTokenHash(created.token) } })).toBe(1);
    expect(await checkPasswordReset(f.db, created.token)).toMatchObject({ status: "valid", email: "new@example.com" });
    expect((await listRoster(f.db, course.id, { q: "in@" }))[0]?.role).toBe("ta");
  });

  it("password reset tokens: valid once, refused when used, expired or unknown, and the reset ends sessions", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const { token, expiresAt } = await createPasswordReset(f.db, { userId: instructorId, createdById: null, ttlMs: DAY }, now);
    expect(expiresAt).toEqual(new Date(now.getTime() + DAY));
    expect(await checkPasswordReset(f.db, "not-a-token", now)).toEqual({ status: "unknown" });
    expect(await checkPasswordReset(f.db, token, new Date(now.getTime() + 2 * DAY))).toEqual({ status: "expired" });
    expect(await usePasswordReset(f.db, token, "brand-new-pass-1", new Date(now.getTime() + 2 * DAY))).toEqual({ status: "expired" });
    const second = await createPasswordReset(f.db, { userId: instructorId, createdById: null }, now);
    expect(await usePasswordReset(f.db, token, "brand-new-pass-1", now)).toEqual({ status: "done", userId: instructorId });
    const user = await f.db.user.findUniqueOrThrow({ where: { id: instructorId } });
    expect(user.sessionVersion).toBe(1);
    expect(await verifyPassword(user.passwordHash, "brand-new-pass-1")).toBe(true);
    expect(await usePasswordReset(f.db, token, "another-pass-2", now)).toEqual({ status: "used" });
    // Other open links of the account are spent by the reset.
    expect(await checkPasswordReset(f.db, second.token, now)).toEqual({ status: "used" });
  });

  it("staff home: failed jobs, deadlines this week and students who never submitted", async () => {
    const now = new Date();
    const course = await createCourse(f.db, instructorId, { slug: "c", ...FIELDS });
    const submitter = await member("s1@example.com", course.id);
    await member("s2@example.com", course.id);
    await member("s3@example.com", course.id);
    const exercise = await f.db.exercise.create({ data: { slug: "ex-a", title: "Ex A" } });
    const later = await f.db.exercise.create({ data: { slug: "ex-b", title: "Ex B" } });
    const version = await f.db.exerciseVersion.create({ data: { exerciseId: exercise.id, version: 1, contentHash: "h", manifest: "{}", starterCode: "" } });
    const a = await f.db.assignment.create({ data: { courseId: course.id, exerciseId: exercise.id, position: 1, dueAt: new Date(now.getTime() + 2 * DAY) } });
    await f.db.assignment.create({ data: { courseId: course.id, exerciseId: later.id, position: 2, dueAt: new Date(now.getTime() + 9 * DAY) } });
    const sub = await f.db.submission.create({ data: { userId: submitter, assignmentId: a.id, exerciseVersionId: version.id, attemptNumber: 1, code: "x" } });
    await f.db.gradingJob.create({ data: { submissionId: sub.id, status: "failed", error: "sandbox crashed" } });
    const [home] = await staffCourses(f.db, instructorId, now);
    expect(home).toMatchObject({ slug: "c", role: "instructor", students: 3, failedJobs: 1, studentsWithoutSubmission: 2 });
    expect(home?.dueThisWeek.map((d) => d.exerciseSlug)).toEqual(["ex-a"]);
    expect(await teachesAnyCourse(f.db, instructorId)).toBe(true);
    expect(await teachesAnyCourse(f.db, submitter)).toBe(false);
  });

  it("recordAudit keeps before and after as JSON with the course set", async () => {
    const course = await createCourse(f.db, instructorId, { slug: "c", ...FIELDS });
    await recordAudit(f.db, { actorId: instructorId, courseId: course.id, action: "assignment.update", entityType: "Assignment", entityId: "a1", before: { dueAt: null }, after: { dueAt: "2026-01-01" } });
    const row = await f.db.auditLog.findFirstOrThrow({ where: { action: "assignment.update" } });
    expect(row.courseId).toBe(course.id);
    expect(JSON.parse(row.data!)).toEqual({ before: { dueAt: null }, after: { dueAt: "2026-01-01" } });
  });

  it("staff reset links: only for the course's students, audited, usable once", async () => {
    const course = await createCourse(f.db, instructorId, { slug: "c", ...FIELDS });
    const student = await member("stu@example.com", course.id);
    const ta = await member("ta@example.com", course.id, "ta");
    const outsider = (await f.db.user.create({ data: { email: "out@example.com", name: "Out", passwordHash: "x" } })).id;
    expect(await issueStudentReset(f.db, instructorId, course.id, outsider)).toEqual({ status: "not_member" });
    expect(await issueStudentReset(f.db, instructorId, course.id, ta)).toEqual({ status: "not_student" });
    const issued = await issueStudentReset(f.db, ta, course.id, student);
    expect(issued).toMatchObject({ status: "issued", email: "stu@example.com" });
    if (issued.status !== "issued") return;
    expect(await usePasswordReset(f.db, issued.token, "student-new-1")).toMatchObject({ status: "done", userId: student });
    const audit = (await listAudit(f.db, course.id, { page: 1, pageSize: 10 })).entries[0];
    expect(audit).toMatchObject({ action: "roster.resetLink", actor: { email: "ta@example.com" }, after: { email: "stu@example.com" } });
  });
});
