// The course audit log: every staff action writes one row (who, what, when, the state before
// and after as JSON in `data`), readable by the course's instructors.
import type { Db } from "../client.ts";

/** A Prisma client or an interactive transaction's client: audit rows join the action's transaction. */
export type DbOrTx = Pick<Db, "auditLog">;

export interface AuditInput {
  actorId: string | null;
  courseId: string | null;
  /** What happened, dotted and stable: "course.update", "joinCode.revoke", "roster.import". */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row; pass the transaction's client so the row commits with the action. */
export async function recordAudit(db: DbOrTx, entry: AuditInput, now = new Date()): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      courseId: entry.courseId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      data: JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null }),
      createdAt: now,
    },
  });
}

export interface AuditEntry {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { name: string; email: string } | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  pages: number;
  total: number;
}

function parseData(data: string | null): { before: unknown; after: unknown } {
  if (!data) return { before: null, after: null };
  try {
    const parsed = JSON.parse(data) as { before?: unknown; after?: unknown } | null;
    // Rows written before this log existed (enrolments) keep their details as a plain object.
    if (parsed && typeof parsed === "object" && ("before" in parsed || "after" in parsed))
      return { before: parsed.before ?? null, after: parsed.after ?? null };
    return { before: null, after: parsed };
  } catch {
    return { before: null, after: data };
  }
}

/** One page of a course's audit log, newest first; a page past the end gives the last page. */
export async function listAudit(
  db: Db,
  courseId: string,
  opts: { page: number; pageSize: number },
): Promise<AuditPage> {
  const total = await db.auditLog.count({ where: { courseId } });
  const pages = Math.max(1, Math.ceil(total / opts.pageSize));
  const page = Math.min(Math.max(1, opts.page), pages);
  const rows = await db.auditLog.findMany({
    where: { courseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * opts.pageSize,
    take: opts.pageSize,
    include: { actor: { select: { name: true, email: true } } },
  });
  return {
    entries: rows.map((r) => ({
      id: r.id,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actor: r.actor,
      createdAt: r.createdAt,
      ...parseData(r.data),
    })),
    page,
    pages,
    total,
  };
}
